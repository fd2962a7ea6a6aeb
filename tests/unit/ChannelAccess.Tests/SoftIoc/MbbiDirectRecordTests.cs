namespace Hyperion.ChannelAccess.Tests.SoftIoc;

public class MbbiDirectRecordTests
{
    [Fact]
    public async Task The_bit_fields_mirror_the_value()
    {
        using var ioc = new TestIoc("""record(mbbiDirect, "ATTN:DEC_TO_BIN") { field(VAL, "5") }""");
        Assert.Equal((1.0, 0.0, 1.0), (ioc.Number("ATTN:DEC_TO_BIN.B0"), ioc.Number("ATTN:DEC_TO_BIN.B1"), ioc.Number("ATTN:DEC_TO_BIN.B2")));
        await ioc.PutAsync("ATTN:DEC_TO_BIN", 0x8002);
        Assert.Equal((0.0, 1.0, 1.0), (ioc.Number("ATTN:DEC_TO_BIN.B0"), ioc.Number("ATTN:DEC_TO_BIN.B1"), ioc.Number("ATTN:DEC_TO_BIN.BF")));
    }
}
