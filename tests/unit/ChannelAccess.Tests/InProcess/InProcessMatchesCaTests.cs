using Hyperion.ChannelAccess.InProcess;
using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.Tests.Server;

namespace Hyperion.ChannelAccess.Tests.InProcess;

/// <summary>
/// Differential tests: the same PVs (one provider) read and written through our CA client and CA server, and through
/// the in-process client, must give byte-identical DBR values, identical metadata and the same errors.
/// </summary>
public sealed class InProcessMatchesCaTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly string LongText = new('x', 50);

    private readonly InMemoryPvProvider _provider = TestPvs.Create();
    private CaServer? _server;
    private CaClient? _ca;
    private InProcessPvClient? _inProcess;

    public static TheoryData<string> PvNames => new(
        "TEST:DOUBLE", "TEST:LONG", "TEST:SHORT", "TEST:FLOAT", "TEST:CHAR", "TEST:STRING", "TEST:ENUM", "TEST:WAVE",
        "TEST:EMPTY", "TEST:RO", "TEST:HIDDEN", "TEST:DEADBAND", "TEST:LONGSTRING", "TEST:MANYSTATES", "TEST:ACKED");

    public async Task InitializeAsync()
    {
        _provider.AddSoft("TEST:LONGSTRING", new DbrValue(DbrType.String, new[] { LongText }) { Timestamp = TestPvs.Stamp });
        _provider.AddSoft("TEST:MANYSTATES", new DbrValue(DbrType.Enum, new ushort[] { 3 })
        {
            // More states than DBR_CTRL_ENUM carries (16), with labels longer than its 26 characters.
            EnumStrings = [.. Enumerable.Range(0, 20).Select(i => $"state {i} with a rather long label")],
            Timestamp = TestPvs.Stamp,
        });
        _provider.AddSoft("TEST:ACKED", new DbrValue(DbrType.Double, new[] { 1.0 })
        {
            Units = "a unit longer than eight",
            Precision = 4,
            Status = AlarmStatus.LoLo,
            Severity = AlarmSeverity.Major,
            AckTransient = 1,
            AckSeverity = 2,
            Timestamp = TestPvs.Stamp,
        }, new SoftPvOptions { ClassName = "ai" });
        _server = new CaServer(_provider, new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false });
        await _server.StartAsync();
        _ca = new CaClient(new CaClientOptions
        {
            AddressList = [$"127.0.0.1:{_server.UdpPort}"],
            AutoAddressList = false,
            RegisterWithRepeater = false,
        });
        _inProcess = new InProcessPvClient(_provider);
    }

    public async Task DisposeAsync()
    {
        await _inProcess!.DisposeAsync();
        await _ca!.DisposeAsync();
        await _server!.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(PvNames))]
    public async Task Metadata_is_the_same(string name)
    {
        var (ca, local) = await ConnectAsync(name);

        var expected = ca.Metadata!;
        var actual = local.Metadata!;
        Assert.Equal(expected with { EnumStrings = [] }, actual with { EnumStrings = [] });
        Assert.Equal(expected.EnumStrings, actual.EnumStrings);
    }

    [Theory]
    [MemberData(nameof(PvNames))]
    public async Task Every_dbr_type_and_count_reads_the_same(string name)
    {
        var (ca, local) = await ConnectAsync(name);
        var counts = new List<int> { 0, 1, 3, 11 };

        for (var type = (ushort)0; type <= DbrTypes.Last; type++)
        {
            foreach (var count in counts)
            {
                var expected = await OutcomeAsync(async () => await ca.GetAsync((DbrType)type, count));
                var actual = await OutcomeAsync(async () => await local.GetAsync((DbrType)type, count));
                Assert.True(expected == actual, $"{name} as {DbrTypes.CName((DbrType)type)} x{count}: CA gave {expected}, in-process {actual}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(PvNames))]
    public async Task Every_category_reads_the_same(string name)
    {
        var (ca, local) = await ConnectAsync(name);

        foreach (var category in new[] { DbrCategory.Plain, DbrCategory.Status, DbrCategory.Time, DbrCategory.Graphic, DbrCategory.Control })
        {
            var expected = await OutcomeAsync(async () => await ca.GetAsync(category));
            var actual = await OutcomeAsync(async () => await local.GetAsync(category));
            Assert.True(expected == actual, $"{name} as {category}: CA gave {expected}, in-process {actual}");
        }
    }

    public static TheoryData<string, DbrType, DbrValue> Writes => new()
    {
        { "TEST:DOUBLE", DbrType.String, DbrValue.Of("2.5") },
        { "TEST:DOUBLE", DbrType.String, DbrValue.Of("not a number") },
        { "TEST:DOUBLE", DbrType.Long, DbrValue.Of(7) },
        { "TEST:DOUBLE", DbrType.Double, DbrValue.Of(1.0, 2.0, 3.0) },
        { "TEST:DOUBLE", DbrType.PutAcks, new DbrValue(DbrType.Short, new short[] { 2 }) },
        { "TEST:DOUBLE", DbrType.ClassName, DbrValue.Of("ai") },
        { "TEST:DOUBLE", DbrType.Long, DbrValue.Of("12x") },
        { "TEST:ENUM", DbrType.String, DbrValue.Of("Fault") },
        { "TEST:ENUM", DbrType.String, DbrValue.Of("Nope") },
        { "TEST:ENUM", DbrType.Short, new DbrValue(DbrType.Short, new short[] { 2 }) },
        { "TEST:ENUM", DbrType.Short, new DbrValue(DbrType.Short, new short[] { 9 }) },
        { "TEST:STRING", DbrType.Double, DbrValue.Of(1.2345678901234) },
        { "TEST:STRING", DbrType.String, DbrValue.Of(LongText) },
        { "TEST:LONG", DbrType.Double, DbrValue.Of(1e12) },
        { "TEST:SHORT", DbrType.Long, DbrValue.Of(100000) },
        { "TEST:CHAR", DbrType.String, DbrValue.Of("hello") },
        { "TEST:WAVE", DbrType.Double, DbrValue.Of(1.5, 2.5, 3.5) },
        { "TEST:WAVE", DbrType.Double, DbrValue.Of(Enumerable.Range(0, 12).Select(i => (double)i).ToArray()) },
        { "TEST:WAVE", DbrType.Double, DbrValue.Empty(DbrType.Double) },
        { "TEST:RO", DbrType.Double, DbrValue.Of(3.0) },
        { "TEST:HIDDEN", DbrType.Double, DbrValue.Of(3.0) },
        { "TEST:MANYSTATES", DbrType.String, DbrValue.Of("state 17 with a rather long label") },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Put_with_completion_has_the_same_outcome_and_leaves_the_same_value(string name, DbrType type, DbrValue value)
    {
        var (ca, local) = await ConnectAsync(name);
        var pv = (SoftPv)_provider[name];
        var initial = pv.Read();

        var expected = await OutcomeAsync(async () => { await ca.PutAsync(type, value, wait: true); return null; });
        var expectedValue = Describe(pv.Read());
        pv.Set(initial);
        var actual = await OutcomeAsync(async () => { await local.PutAsync(type, value, wait: true); return null; });
        var actualValue = Describe(pv.Read());

        Assert.Equal(expected, actual);
        Assert.Equal(expectedValue, actualValue);
    }

    private static string Describe(DbrValue value) =>
        $"{value.ValueType}[{string.Join(", ", value.Values.Cast<object>())}] {value.Status}/{value.Severity}";

    /// <summary>What an operation gave: the DBR bytes of its value, or its exception's type and ECA status.</summary>
    private static async Task<string> OutcomeAsync(Func<Task<DbrValue?>> operation)
    {
        try
        {
            var value = await operation();
            if (value is null)
            {
                return "done";
            }

            // The time and control encodings together hold every field a reply can carry.
            var time = DbrCodec.Encode(DbrTypes.Of(value.ValueType, DbrCategory.Time), value, value.Count);
            var control = DbrCodec.Encode(DbrTypes.Of(value.ValueType, DbrCategory.Control), value, value.Count);
            return $"{value.ValueType} x{value.Count} [{Convert.ToHexString(time)}] [{Convert.ToHexString(control)}] ackt={value.AckTransient} acks={value.AckSeverity}";
        }
        catch (PvException e)
        {
            return $"{e.GetType().Name} {e.Status?.Name} in {e.Operation}";
        }
    }

    private async Task<(CaChannel Ca, InProcessPvChannel InProcess)> ConnectAsync(string name)
    {
        var ca = _ca!.Channel(name);
        var local = _inProcess!.Channel(name);
        await ca.WaitForConnectionAsync(Timeout);
        await local.WaitForConnectionAsync(Timeout);
        return (ca, local);
    }
}
