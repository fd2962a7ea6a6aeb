using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.ChannelAccess.SoftIoc.DbFile;
using Hyperion.Devices.Core;

namespace Hyperion.Devices.Tests.Support;

/// <summary>A soft IOC (records from .db text) served over loopback Channel Access, and a client pointed at it.</summary>
internal sealed class SoftIoc : IAsyncDisposable
{
    private SoftIoc(RecordDatabase records, CaServer server, CaClient client)
    {
        Records = records;
        Server = server;
        Client = client;
    }

    public RecordDatabase Records { get; }

    public CaServer Server { get; }

    public CaClient Client { get; }

    public DeviceConnectOptions Connect(TimeSpan? timeout = null) => new() { PvClient = Client, Timeout = timeout ?? TimeSpan.FromSeconds(10) };

    public static async Task<SoftIoc> StartAsync(string db, string macros = "")
    {
        var records = new RecordDatabase(TimeProvider.System);
        records.Load(new DbParser(MacroTable.Parse(macros)).Parse(db, "test.db"));
        records.Start();
        var server = new CaServer(records, new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false });
        await server.StartAsync();
        var client = new CaClient(new CaClientOptions { AddressList = [$"127.0.0.1:{server.UdpPort}"], AutoAddressList = false, RegisterWithRepeater = false });
        return new SoftIoc(records, server, client);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
        Records.Dispose();
    }
}
