namespace Hyperion.ChannelAccess.Interop.Tests;

/// <summary>libca reconnects to our server after the server restarts on the same port.</summary>
[Collection("pyepics")]
public class RestartTests : IAsyncLifetime
{
    private readonly InteropServer _ioc = new();

    public Task InitializeAsync() => _ioc.InitializeAsync();

    public Task DisposeAsync() => _ioc.DisposeAsync();

    [Fact]
    public async Task Libca_reconnects_after_a_server_restart()
    {
        var before = await _ioc.Peer.RequestAsync(new { op = "get", pv = "IOC:LONG" });
        Assert.Equal(42, before["value"]!.GetValue<int>());

        await _ioc.RestartServerAsync();
        await _ioc.Provider.Find("IOC:LONG")!.WriteAsync(Dbr.DbrValue.Of(43), Server.ClientIdentity.Anonymous);

        var after = await _ioc.Peer.RequestAsync(new { op = "get", pv = "IOC:LONG", timeout = 30.0 }, TimeSpan.FromSeconds(60));
        Assert.Equal(43, after["value"]!.GetValue<int>());
    }
}
