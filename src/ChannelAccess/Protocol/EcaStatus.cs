namespace Hyperion.ChannelAccess.Protocol;

/// <summary>One ECA status code: its name, message number, severity and text.</summary>
/// <param name="Name">The C name, e.g. "ECA_NORMAL".</param>
/// <param name="Code">The message number (0 to 60).</param>
/// <param name="Severity">The severity bits.</param>
/// <param name="Description">The text EPICS base prints for it.</param>
/// <param name="Defunct">True for codes current servers and clients no longer produce.</param>
public sealed record EcaStatus(string Name, int Code, EcaSeverity Severity, string Description, bool Defunct)
{
    /// <summary>The value on the wire: (code &lt;&lt; 3) | severity.</summary>
    public int Value => ((Code << 3) & 0xFFF8) | ((int)Severity & 0x7);

    /// <summary>True for the successful severities (success and info).</summary>
    public bool IsSuccess => ((int)Severity & 1) == 1;

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Value}): {Description}";
}
