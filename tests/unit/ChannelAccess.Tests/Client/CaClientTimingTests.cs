using System.Net;
using Hyperion.ChannelAccess.Tests.Client.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.ChannelAccess.Tests.Client;

/// <summary>
/// Heartbeats, search back-off, reconnection and beacons, on a fake clock: the client's timers move only when the
/// test advances time, and the test waits (in real time) for what the scripted server then receives.
/// </summary>
public sealed class CaClientTimingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private FakeCaServer _server = null!;
    private CaClient _client = null!;

    public Task InitializeAsync()
    {
        _server = FakeCaServer.Start();
        _client = new CaClient(_server.ClientOptions() with { MaxSearchPeriod = TimeSpan.FromSeconds(60) }, _time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task<(CaChannel Channel, FakeCircuit Circuit)> ConnectAsync(string name)
    {
        _server.Add(name, DbrValue.Of(1.0));
        var channel = _client.Channel(name);
        await Eventually.StateAsync(channel, PvConnectionState.Connected);
        _server.Datagrams.Clear();
        return (channel, _server.OpenCircuits.Single());
    }

    private Task<ReceivedDatagram> SearchForAsync(string name) => _server.Datagrams.NextAsync(d => d.Searches.Any(s => s.Name == name));

    private IPEndPoint ClientSearchEndPoint => new(IPAddress.Loopback, _client.SearchEndPoint!.Port);

    [Fact]
    public async Task A_circuit_quiet_for_the_connection_timeout_is_probed_with_an_echo()
    {
        var (channel, circuit) = await ConnectAsync("X");

        _time.Advance(TimeSpan.FromSeconds(30));

        var echo = await circuit.Received.NextAsync(m => m.Message is EchoMessage);
        Assert.Equal("00 17 00 00 00 00 00 00 00 00 00 00 00 00 00 00", Hex.Of(echo.Bytes));
        await channel.GetAsync();
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1.0, (await channel.GetAsync()).GetDouble());
        Assert.False(circuit.IsClosed);
    }

    [Fact]
    public async Task A_circuit_that_does_not_answer_the_echo_is_dropped_and_its_channels_search_again()
    {
        var (channel, circuit) = await ConnectAsync("X");
        _server.AnswerEchoes = false;
        _time.Advance(TimeSpan.FromSeconds(30));
        await circuit.Received.NextAsync(m => m.Message is EchoMessage);

        _time.Advance(TimeSpan.FromSeconds(5));

        await circuit.Closed.Task.WaitAsync(AsyncQueue<int>.DefaultTimeout);
        await SearchForAsync("X");
        await Eventually.StateAsync(channel, PvConnectionState.Connected);
        Assert.NotSame(circuit, _server.OpenCircuits.Single());
    }

    [Fact]
    public async Task Unanswered_searches_back_off_exponentially_to_the_max_search_period()
    {
        await _client.DisposeAsync();
        _client = new CaClient(_server.ClientOptions() with { MaxSearchPeriod = TimeSpan.FromSeconds(1) }, _time);
        _client.Channel("MISSING");
        await SearchForAsync("MISSING");

        foreach (var interval in new[] { 32, 64, 128, 256, 512, 1000, 1000 })
        {
            _time.Advance(TimeSpan.FromMilliseconds(interval));
            await SearchForAsync("MISSING");
        }

        Assert.Equal(8, _server.Datagrams.History.Count(d => d.Searches.Any(s => s.Name == "MISSING")));
    }

    [Fact]
    public async Task After_a_server_restart_its_beacons_bring_the_channel_back_with_its_subscription()
    {
        var (channel, circuit) = await ConnectAsync("X");
        var updates = new AsyncQueue<DbrValue>();
        await using var subscription = channel.Subscribe(updates.Add);
        await updates.NextAsync();
        var firstAdd = (EventAddRequest)(await circuit.Received.NextAsync(m => m.Message is EventAddRequest)).Message;
        var create = circuit.Received.History.Select(m => m.Message).OfType<CreateChanRequest>().Single();

        // The server goes away: the channel disconnects and searches, backing off while nobody answers.
        _server.AnswerSearches = false;
        circuit.Drop();
        await Eventually.StateAsync(channel, PvConnectionState.Disconnected);
        await SearchForAsync("X");
        foreach (var interval in new[] { 32, 64, 128, 256, 512, 1024, 2048, 4096 })
        {
            _time.Advance(TimeSpan.FromMilliseconds(interval));
            await SearchForAsync("X");
        }

        // It comes back and beacons: the next search goes at once, without waiting out the back-off.
        _server.AnswerSearches = true;
        _server.SendBeacon(ClientSearchEndPoint, 0);
        _server.SendBeacon(ClientSearchEndPoint, 1);

        await Eventually.StateAsync(channel, PvConnectionState.Connected);
        var newCircuit = _server.OpenCircuits.Single();
        Assert.NotSame(circuit, newCircuit);
        Assert.Equal(create, newCircuit.Received.History.Select(m => m.Message).OfType<CreateChanRequest>().Single());
        var secondAdd = (EventAddRequest)(await newCircuit.Received.NextAsync(m => m.Message is EventAddRequest)).Message;
        Assert.Equal(firstAdd.SubscriptionId, secondAdd.SubscriptionId);
        Assert.Equal(firstAdd.Mask, secondAdd.Mask);
        await updates.NextAsync();
        _server["X"].Set(DbrValue.Of(2.0));
        Assert.Equal(2.0, (await updates.NextAsync()).GetDouble());
    }

    [Fact]
    public async Task A_channel_the_server_drops_is_searched_for_again_after_the_disconnect_governor_period()
    {
        var (channel, circuit) = await ConnectAsync("X");
        var create = circuit.Received.History.Select(m => m.Message).OfType<CreateChanRequest>().Single();

        circuit.Send(new ServerDisconnResponse(create.Cid));
        await Eventually.StateAsync(channel, PvConnectionState.Disconnected);
        _time.Advance(CaClient.DisconnectGovernorPeriod);

        await SearchForAsync("X");
        await Eventually.StateAsync(channel, PvConnectionState.Connected);
        Assert.Equal(2, circuit.Received.History.Count(m => m.Message is CreateChanRequest));
    }

    [Fact]
    public async Task A_channel_the_server_cannot_create_is_searched_for_again_after_the_disconnect_governor_period()
    {
        _server.Add("REFUSED", DbrValue.Of(1.0));
        var refusals = new AsyncQueue<CreateChanRequest>();
        _server.Intercept = (circuit, message) =>
        {
            if (message is CreateChanRequest { Name: "REFUSED" } create && refusals.Count == 0)
            {
                refusals.Add(create);
                circuit.Send(new CreateChFailResponse(create.Cid));
                return true;
            }

            return false;
        };
        var channel = _client.Channel("REFUSED");
        await refusals.NextAsync();
        await ConnectAsync("OTHER");

        _time.Advance(CaClient.DisconnectGovernorPeriod);

        await SearchForAsync("REFUSED");
        await Eventually.StateAsync(channel, PvConnectionState.Connected);
    }

    [Fact]
    public async Task Waiting_for_a_connection_times_out_on_the_client_clock()
    {
        var channel = _client.Channel("MISSING");
        var wait = channel.WaitForConnectionAsync(TimeSpan.FromSeconds(5));

        _time.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<PvTimeoutException>(() => wait.WaitAsync(AsyncQueue<int>.DefaultTimeout));
        Assert.Equal("MISSING", error.PvName);
        Assert.Equal(TimeSpan.FromSeconds(5), error.Timeout);
    }
}
