namespace Hyperion.Devices.Mx.Zebra;

/// <summary>
/// Which zebra TTL output (1-4) each piece of hardware is wired to, -1 when it is not connected (dodal's
/// ZebraTTLOutputs).
/// </summary>
public sealed class ZebraTTLOutputs : ZebraMappingValidations
{
    /// <summary>Creates the outputs; every value is in [-1, 4] and the connected ones are distinct.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside [-1, 4].</exception>
    /// <exception cref="DuplicateZebraMappingException">Two outputs share a number.</exception>
    public ZebraTTLOutputs(
        int ttlEiger = -1,
        int ttlPilatus = -1,
        int ttlFastShutter = -1,
        int ttlDetector = -1,
        int ttlShutter = -1,
        int ttlXspress3 = -1,
        int ttlPanda = -1)
    {
        Declare("TTL_EIGER", ttlEiger, -1, 4);
        Declare("TTL_PILATUS", ttlPilatus, -1, 4);
        Declare("TTL_FAST_SHUTTER", ttlFastShutter, -1, 4);
        Declare("TTL_DETECTOR", ttlDetector, -1, 4);
        Declare("TTL_SHUTTER", ttlShutter, -1, 4);
        Declare("TTL_XSPRESS3", ttlXspress3, -1, 4);
        Declare("TTL_PANDA", ttlPanda, -1, 4);
        EnsureNoDuplicateConnections();
    }

    /// <summary>TTL_EIGER: the TTL output it is wired to.</summary>
    /// <exception cref="UnmappedZebraException">Not connected (-1).</exception>
    public int TtlEiger => Get("TTL_EIGER");

    /// <summary>TTL_PILATUS: the TTL output it is wired to.</summary>
    /// <exception cref="UnmappedZebraException">Not connected (-1).</exception>
    public int TtlPilatus => Get("TTL_PILATUS");

    /// <summary>TTL_FAST_SHUTTER: the TTL output it is wired to.</summary>
    /// <exception cref="UnmappedZebraException">Not connected (-1).</exception>
    public int TtlFastShutter => Get("TTL_FAST_SHUTTER");

    /// <summary>TTL_DETECTOR: the TTL output it is wired to.</summary>
    /// <exception cref="UnmappedZebraException">Not connected (-1).</exception>
    public int TtlDetector => Get("TTL_DETECTOR");

    /// <summary>TTL_SHUTTER: the TTL output it is wired to.</summary>
    /// <exception cref="UnmappedZebraException">Not connected (-1).</exception>
    public int TtlShutter => Get("TTL_SHUTTER");

    /// <summary>TTL_XSPRESS3: the TTL output it is wired to.</summary>
    /// <exception cref="UnmappedZebraException">Not connected (-1).</exception>
    public int TtlXspress3 => Get("TTL_XSPRESS3");

    /// <summary>TTL_PANDA: the TTL output it is wired to.</summary>
    /// <exception cref="UnmappedZebraException">Not connected (-1).</exception>
    public int TtlPanda => Get("TTL_PANDA");
}
