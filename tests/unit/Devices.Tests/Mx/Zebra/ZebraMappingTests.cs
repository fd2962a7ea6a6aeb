using Hyperion.Devices.Mx.Zebra;

namespace Hyperion.Devices.Tests.Mx.Zebra;

public class ZebraMappingTests
{
    [Fact]
    public void The_i03_mapping_wires_detector_shutter_xspress3_and_panda()
    {
        var mapping = ZebraMapping.I03;
        Assert.Equal((1, 2, 3, 4), (mapping.Outputs.TtlDetector, mapping.Outputs.TtlShutter, mapping.Outputs.TtlXspress3, mapping.Outputs.TtlPanda));
        Assert.Equal(0, mapping.Sources.Disconnect);
        Assert.Equal(2, mapping.AndGateForAutoShutter);
    }

    [Fact]
    public void The_default_sources_are_dodals()
    {
        var s = new ZebraSources();
        int[] expected = [0, 1, 63, 7, 10, 29, 30, 31, 34, 35, 36, 52, 53, 60, 61, 62];
        int[] actual = [s.Disconnect, s.In1Ttl, s.In2Ttl, s.In3Ttl, s.In4Ttl, s.PcArm, s.PcGate, s.PcPulse, s.And3, s.And4, s.Or1, s.Pulse1, s.Pulse2, s.SoftIn1, s.SoftIn2, s.SoftIn3];
        Assert.Equal(expected, actual);
        Assert.Equal("SOFT_IN3", s.Fields.Keys.Last());
    }

    [Fact]
    public void Reading_an_unmapped_output_fails()
    {
        var mapping = new ZebraMapping(new ZebraTTLOutputs());
        var error = Assert.Throws<UnmappedZebraException>(() => mapping.Outputs.TtlEiger);
        Assert.Equal("'ZebraTTLOutputs.TTL_EIGER' was accessed but is set to -1. Please check the zebra mappings against the zebra's physical configuration", error.Message);
        Assert.Equal(-1, mapping.Outputs.Fields["TTL_EIGER"]);
    }

    [Fact]
    public void Two_outputs_on_one_ttl_are_refused()
    {
        var error = Assert.Throws<DuplicateZebraMappingException>(() => new ZebraTTLOutputs(ttlDetector: 1, ttlPanda: 1));
        Assert.Equal("Each field in ZebraTTLOutputs must be mapped to a unique integer. Duplicate fields: {'TTL_DETECTOR': 1, 'TTL_PANDA': 1}", error.Message);
    }

    [Fact]
    public void Duplicate_sources_are_refused()
    {
        var error = Assert.Throws<DuplicateZebraMappingException>(() => new ZebraSources(pcGate: 31));
        Assert.Contains("Duplicate fields: {'PC_GATE': 31, 'PC_PULSE': 31}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_outside_their_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZebraTTLOutputs(ttlEiger: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZebraSources(in1Ttl: 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZebraMapping(andGateForAutoShutter: 5));
        Assert.Throws<UnmappedZebraException>(() => new ZebraMapping(andGateForAutoShutter: -1).AndGateForAutoShutter);
    }
}
