using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Interop.Tests;

/// <summary>Our CA server on a free loopback port with the PVs the interop tests read, and a libca peer pointed at it.</summary>
public sealed class InteropServer : IAsyncLifetime
{
    public const double MotorMoveSeconds = 0.6;

    public InMemoryPvProvider Provider { get; } = new();

    public CaServer Server { get; private set; } = null!;

    public PyEpicsPeer Peer { get; private set; } = null!;

    public SoftPv Counter { get; private set; } = null!;

    public SoftPv Deadband { get; private set; } = null!;

    public SoftPv Motor { get; private set; } = null!;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        Provider.AddSoft("IOC:DOUBLE", new DbrValue(DbrType.Double, new[] { 3.14159 })
        {
            Units = "mm",
            Precision = 3,
            Limits = new DbrLimits { UpperDisplay = 10, LowerDisplay = -10, UpperAlarm = 9, UpperWarning = 8, LowerWarning = -8, LowerAlarm = -9, UpperControl = 5, LowerControl = -5 },
        });
        var typed = Provider.AddSoft("IOC:TYPES", new DbrValue(DbrType.Double, new[] { 3.14159 })
        {
            Units = "mm",
            Precision = 3,
            Limits = new DbrLimits { UpperDisplay = 10, LowerDisplay = -10, UpperAlarm = 9, UpperWarning = 8, LowerWarning = -8, LowerAlarm = -9, UpperControl = 5, LowerControl = -5 },
        });
        typed.SetAlarm(AlarmStatus.High, AlarmSeverity.Minor);
        Provider.AddSoft("IOC:LONG", new DbrValue(DbrType.Long, new[] { 42 }) { Units = "counts" });
        Provider.AddSoft("IOC:STRING", DbrValue.Of("hello"));
        Provider.AddSoft("IOC:ENUM", new DbrValue(DbrType.Enum, new ushort[] { 1 }) { EnumStrings = ["Out", "In", "Moving"] });
        Provider.AddSoft("IOC:CHAR", new DbrValue(DbrType.Char, new byte[] { 65 }));
        Provider.AddSoft("IOC:WAVE", DbrValue.Of(Enumerable.Range(0, 100_000).Select(i => i * 0.5).ToArray()));
        Provider.AddSoft("IOC:EMPTY", DbrValue.Empty(DbrType.Double), new SoftPvOptions { MaxElements = 10 });
        Provider.AddSoft("IOC:RO", DbrValue.Of(7.0), new SoftPvOptions { ReadOnly = true });
        Counter = Provider.AddSoft("IOC:COUNTER", DbrValue.Of(-1));
        Deadband = Provider.AddSoft("IOC:DEADBAND", DbrValue.Of(0.0), new SoftPvOptions { MonitorDeadband = 1.0, ArchiveDeadband = 2.5 });
        Motor = Provider.AddSoft("IOC:MOTOR", DbrValue.Of(0.0), new SoftPvOptions { WriteHandler = MoveAsync });
        for (var i = 0; i < 1000; i++)
        {
            Provider.AddSoft($"IOC:MANY:{i}", DbrValue.Of((double)i));
        }

        await StartServerAsync(0);
        Peer = await PyEpicsPeer.StartAsync(Port);
    }

    /// <summary>Stops the server and starts a new one on the same port (a restarted IOC).</summary>
    public async Task RestartServerAsync()
    {
        await Server.DisposeAsync();
        await StartServerAsync(Port);
    }

    public async Task DisposeAsync()
    {
        await Peer.DisposeAsync();
        await Server.DisposeAsync();
    }

    private async Task StartServerAsync(int port)
    {
        Server = new CaServer(Provider, new CaServerOptions { ServerPort = port, AutoBeaconAddresses = false });
        await Server.StartAsync();
        Port = Server.UdpPort;
    }

    // A simulated motor: the setpoint is taken at once, the move (and so a put with wait) ends MotorMoveSeconds later.
    private static async ValueTask<EcaStatus> MoveAsync(SoftPv pv, DbrValue value, ClientIdentity client, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(MotorMoveSeconds), cancellationToken);
        pv.Set(value);
        return Eca.Normal;
    }
}
