namespace Hyperion.Devices.Mx.Zebra;

/// <summary>
/// The zebra's source numbers, written to OUTn_TTL and the gate inputs (dodal's ZebraSources); each in [0, 63]
/// and distinct.
/// </summary>
public sealed class ZebraSources : ZebraMappingValidations
{
    /// <summary>Creates the sources, with dodal's defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside [0, 63].</exception>
    /// <exception cref="DuplicateZebraMappingException">Two sources share a number.</exception>
    public ZebraSources(
        int disconnect = 0,
        int in1Ttl = 1,
        int in2Ttl = 63,
        int in3Ttl = 7,
        int in4Ttl = 10,
        int pcArm = 29,
        int pcGate = 30,
        int pcPulse = 31,
        int and3 = 34,
        int and4 = 35,
        int or1 = 36,
        int pulse1 = 52,
        int pulse2 = 53,
        int softIn1 = 60,
        int softIn2 = 61,
        int softIn3 = 62)
    {
        Declare("DISCONNECT", disconnect, 0, 63);
        Declare("IN1_TTL", in1Ttl, 0, 63);
        Declare("IN2_TTL", in2Ttl, 0, 63);
        Declare("IN3_TTL", in3Ttl, 0, 63);
        Declare("IN4_TTL", in4Ttl, 0, 63);
        Declare("PC_ARM", pcArm, 0, 63);
        Declare("PC_GATE", pcGate, 0, 63);
        Declare("PC_PULSE", pcPulse, 0, 63);
        Declare("AND3", and3, 0, 63);
        Declare("AND4", and4, 0, 63);
        Declare("OR1", or1, 0, 63);
        Declare("PULSE1", pulse1, 0, 63);
        Declare("PULSE2", pulse2, 0, 63);
        Declare("SOFT_IN1", softIn1, 0, 63);
        Declare("SOFT_IN2", softIn2, 0, 63);
        Declare("SOFT_IN3", softIn3, 0, 63);
        EnsureNoDuplicateConnections();
    }

    /// <summary>DISCONNECT (default 0).</summary>
    public int Disconnect => Get("DISCONNECT");

    /// <summary>IN1_TTL (default 1).</summary>
    public int In1Ttl => Get("IN1_TTL");

    /// <summary>IN2_TTL (default 63).</summary>
    public int In2Ttl => Get("IN2_TTL");

    /// <summary>IN3_TTL (default 7).</summary>
    public int In3Ttl => Get("IN3_TTL");

    /// <summary>IN4_TTL (default 10).</summary>
    public int In4Ttl => Get("IN4_TTL");

    /// <summary>PC_ARM (default 29).</summary>
    public int PcArm => Get("PC_ARM");

    /// <summary>PC_GATE (default 30).</summary>
    public int PcGate => Get("PC_GATE");

    /// <summary>PC_PULSE (default 31).</summary>
    public int PcPulse => Get("PC_PULSE");

    /// <summary>AND3 (default 34).</summary>
    public int And3 => Get("AND3");

    /// <summary>AND4 (default 35).</summary>
    public int And4 => Get("AND4");

    /// <summary>OR1 (default 36).</summary>
    public int Or1 => Get("OR1");

    /// <summary>PULSE1 (default 52).</summary>
    public int Pulse1 => Get("PULSE1");

    /// <summary>PULSE2 (default 53).</summary>
    public int Pulse2 => Get("PULSE2");

    /// <summary>SOFT_IN1 (default 60).</summary>
    public int SoftIn1 => Get("SOFT_IN1");

    /// <summary>SOFT_IN2 (default 61).</summary>
    public int SoftIn2 => Get("SOFT_IN2");

    /// <summary>SOFT_IN3 (default 62).</summary>
    public int SoftIn3 => Get("SOFT_IN3");
}
