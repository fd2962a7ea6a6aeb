using Hyperion.Engine.Documents;

namespace Hyperion.Devices.Signals;

/// <summary>What a soft signal's DataKey says besides its type: units, precision and limits.</summary>
public sealed record SignalMetadata
{
    /// <summary>Engineering units.</summary>
    public string? Units { get; init; }

    /// <summary>Display precision.</summary>
    public int? Precision { get; init; }

    /// <summary>Control, display, warning and alarm limits.</summary>
    public Limits? Limits { get; init; }
}
