namespace Hyperion.Devices.Mx.Zebra;

/// <summary>A zebra mapping field set to -1 (not connected) was used (dodal's UnmappedZebraException).</summary>
public sealed class UnmappedZebraException : InvalidOperationException
{
    /// <summary>Creates the exception for field <paramref name="field"/> of <paramref name="model"/>.</summary>
    public UnmappedZebraException(string model, string field)
        : base($"'{model}.{field}' was accessed but is set to -1. Please check the zebra mappings against the zebra's physical configuration")
    {
        Model = model;
        Field = field;
    }

    /// <summary>The mapping type, e.g. ZebraTTLOutputs.</summary>
    public string Model { get; }

    /// <summary>The field, e.g. TTL_EIGER.</summary>
    public string Field { get; }
}
