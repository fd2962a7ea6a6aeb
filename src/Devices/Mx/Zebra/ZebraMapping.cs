namespace Hyperion.Devices.Mx.Zebra;

/// <summary>A beamline's zebra wiring (dodal's ZebraMapping): its TTL outputs, the source numbers and the auto-shutter AND gate.</summary>
public sealed class ZebraMapping : ZebraMappingValidations
{
    /// <summary>Creates the mapping.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="andGateForAutoShutter"/> is outside [-1, 4].</exception>
    public ZebraMapping(ZebraTTLOutputs? outputs = null, ZebraSources? sources = null, int andGateForAutoShutter = 2)
    {
        Outputs = outputs ?? new ZebraTTLOutputs();
        Sources = sources ?? new ZebraSources();
        Declare("AND_GATE_FOR_AUTO_SHUTTER", andGateForAutoShutter, -1, 4);
        EnsureNoDuplicateConnections();
    }

    /// <summary>i03: detector on TTL 1, shutter on 2, Xspress3 on 3, PandA on 4, default sources.</summary>
    public static ZebraMapping I03 { get; } = new(new ZebraTTLOutputs(ttlDetector: 1, ttlShutter: 2, ttlXspress3: 3, ttlPanda: 4), new ZebraSources());

    /// <summary>The TTL outputs.</summary>
    public ZebraTTLOutputs Outputs { get; }

    /// <summary>The source numbers.</summary>
    public ZebraSources Sources { get; }

    /// <summary>AND_GATE_FOR_AUTO_SHUTTER: the AND gate the automatic shutter control uses.</summary>
    /// <exception cref="UnmappedZebraException">Not connected (-1).</exception>
    public int AndGateForAutoShutter => Get("AND_GATE_FOR_AUTO_SHUTTER");
}
