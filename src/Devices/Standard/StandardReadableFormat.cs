namespace Hyperion.Devices.Standard;

/// <summary>How a <see cref="StandardReadable"/> treats a child (ophyd-async's StandardReadableFormat).</summary>
public enum StandardReadableFormat
{
    /// <summary>A child device: its read, configuration and hints are merged into the parent's.</summary>
    Child,

    /// <summary>A signal read in read_configuration, not in read.</summary>
    ConfigSignal,

    /// <summary>A signal read (cached when staged) and named in the hints.</summary>
    HintedSignal,

    /// <summary>A signal read without the cache even when staged.</summary>
    UncachedSignal,

    /// <summary>A hinted signal read without the cache.</summary>
    HintedUncachedSignal,
}
