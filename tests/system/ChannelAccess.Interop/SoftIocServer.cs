using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.ChannelAccess.SoftIoc.DbFile;

namespace Hyperion.ChannelAccess.Interop.Tests;

/// <summary>The soft IOC (records loaded from .db text, real time) served on a free loopback port, with a libca peer.</summary>
public sealed class SoftIocServer : IAsyncLifetime
{
    /// <summary>VELO 2 mm/s with 0.1 s acceleration: a 1 mm move takes about 0.6 s.</summary>
    public const string Database = """
        record(motor, "$(P)SAMPLE:X") {
            field(DESC, "Sample X")
            field(EGU, "mm") field(PREC, "3") field(MRES, "0.001")
            field(VELO, "2") field(VBAS, "0") field(ACCL, "0.1")
            field(DHLM, "50") field(DLLM, "-50")
        }
        record(mbbo, "$(P)SHUTTER") {
            field(ZRST, "Closed") field(ONST, "Open") field(TWST, "Fault")
            field(VAL, "1")
        }
        record(ao, "$(P)DCM:ENERGY") {
            field(VAL, "12.7") field(EGU, "keV") field(PREC, "4")
            field(DRVH, "25") field(DRVL, "5") field(HOPR, "30") field(LOPR, "0")
            field(HIHI, "24") field(HIGH, "22") field(LOW, "6") field(LOLO, "5.5")
            field(HHSV, "MAJOR") field(HSV, "MINOR") field(LSV, "MINOR") field(LLSV, "MAJOR")
        }
        record(calc, "$(P)TICKS") {
            field(SCAN, ".1 second")
            field(CALC, "A+1") field(INPA, "$(P)TICKS NPP")
        }
        record(waveform, "$(P)SPECTRUM") { field(FTVL, "FLOAT") field(NELM, "2048") }
        """;

    private RecordDatabase _records = null!;
    private CaServer _server = null!;

    public PyEpicsPeer Peer { get; private set; } = null!;

    public RecordDatabase Records => _records;

    public async Task InitializeAsync()
    {
        _records = new RecordDatabase(TimeProvider.System);
        _records.Load(new DbParser(MacroTable.Parse("P=BL03S-")).Parse(Database, "interop.db"));
        _records.Start();
        _server = new CaServer(_records, new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false });
        await _server.StartAsync();
        Peer = await PyEpicsPeer.StartAsync(_server.UdpPort);
    }

    public async Task DisposeAsync()
    {
        await Peer.DisposeAsync();
        await _server.DisposeAsync();
        _records.Dispose();
    }
}
