using System.Buffers.Binary;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Server;

/// <summary>
/// Bad input over real sockets: each gets base's answer (an ERROR with the right ECA code, or a dropped circuit where
/// base drops it), while another client of the same server, subscribed and reading, notices nothing.
/// </summary>
public sealed class ServerBadInputTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private RawCaClient _bystander = null!;
    private uint _bystanderSid;
    private int _bystanderUpdates;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(options: new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false, MaxArrayBytes = 16384 });
        _bystander = await _server.ConnectAsync();
        _bystanderSid = await _bystander.CreateChannelAsync("TEST:LONG", 1);
        await _bystander.SendAsync(new EventAddRequest((ushort)DbrType.Long, 1, _bystanderSid, 1, EventMask.Value));
        Assert.Equal(42, (await _bystander.ReceiveAsync()).Value().GetDouble());
    }

    public async Task DisposeAsync()
    {
        await _bystander.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_misaligned_message_gets_ecainternal_and_the_circuit_is_dropped()
    {
        await using var bad = await _server.ConnectAsync();
        var bytes = new EchoMessage().ToBytes();
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), 3);
        await bad.SendAsync([.. bytes, 1, 2, 3, 0, 0, 0, 0, 0]);
        var replies = await bad.ReceiveUntilClosedAsync();
        Assert.Equal(Eca.Internal, Assert.Single(replies).As<ErrorResponse>().EcaStatus);
        await BystanderStillServedAsync();
    }

    [Fact]
    public async Task An_unknown_command_gets_ecainternal_and_the_circuit_is_dropped()
    {
        await using var bad = await _server.ConnectAsync();
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, 200);
        await bad.SendAsync(bytes);
        var error = Assert.Single(await bad.ReceiveUntilClosedAsync()).As<ErrorResponse>();
        Assert.Equal(Eca.Internal, error.EcaStatus);
        Assert.Equal(200, (int)error.Request.Command);
        await BystanderStillServedAsync();
    }

    [Fact]
    public async Task Server_only_commands_from_a_client_get_ecainternal_and_the_circuit_is_dropped()
    {
        await using var bad = await _server.ConnectAsync();
        await bad.SendAsync(new AccessRightsResponse(1, AccessRights.ReadWrite));
        Assert.Equal(Eca.Internal, Assert.Single(await bad.ReceiveUntilClosedAsync()).As<ErrorResponse>().EcaStatus);
        await BystanderStillServedAsync();
    }

    [Fact]
    public async Task An_oversized_message_gets_ecatolarge_is_skipped_and_the_circuit_goes_on()
    {
        await using var bad = await _server.ConnectAsync();
        var sid = await bad.CreateChannelAsync("TEST:WAVE", 1);
        var big = new byte[24 + 1_000_000];
        new CaHeader(CaCommand.WriteNotify, 1_000_000, (ushort)DbrType.Double, 125_000, sid, 1).Write(big);
        await bad.SendAsync(big);
        var error = (await bad.ReceiveAsync()).As<ErrorResponse>();
        Assert.Equal(Eca.Tolarge, error.EcaStatus);
        Assert.Equal(1_000_000u, error.Request.PayloadSize);
        Assert.Equal(1.0, (await bad.GetAsync(sid, DbrType.Double)).Value().GetDouble());
        await BystanderStillServedAsync();
    }

    [Fact]
    public async Task A_truncated_message_then_a_hang_up_leaves_the_server_serving()
    {
        await using (var bad = await _server.ConnectAsync())
        {
            var sid = await bad.CreateChannelAsync("TEST:LONG", 1);
            var write = WriteRequest.For(DbrType.Long, DbrValue.Of(5), sid, 1).ToBytes();
            await bad.SendAsync(write[..20]);
        }

        await Eventually.TrueAsync(() => _server.Server.CircuitCount == 1);
        Assert.Equal(42, _server.Provider["TEST:LONG"].Read().GetDouble());
        await BystanderStillServedAsync();
    }

    [Fact]
    public async Task A_truncated_event_add_gets_ecainternal_and_the_circuit_is_dropped()
    {
        await using var bad = await _server.ConnectAsync();
        var sid = await bad.CreateChannelAsync("TEST:LONG", 1);
        var bytes = new byte[16 + 8];
        new CaHeader(CaCommand.EventAdd, 8, (ushort)DbrType.Long, 1, sid, 1).Write(bytes);
        await bad.SendAsync(bytes);
        Assert.Equal(Eca.Internal, Assert.Single(await bad.ReceiveUntilClosedAsync()).As<ErrorResponse>().EcaStatus);
        await BystanderStillServedAsync();
    }

    [Fact]
    public async Task A_short_dbr_string_write_as_libca_sends_it_is_taken_but_a_short_double_is_dropped()
    {
        // libca sends one DBR_STRING as strlen + 1 rounded up to 8 bytes, never the full 40.
        await using var client = await _server.ConnectAsync();
        var sid = await client.CreateChannelAsync("TEST:STRING", 7);
        await client.SendAsync(new WriteNotifyRequest((ushort)DbrType.String, 1, sid, 1, "world\0\0\0"u8.ToArray()));
        Assert.Equal(Eca.Normal.Value, (await client.ReceiveAsync()).As<WriteNotifyResponse>().Status);
        Assert.Equal("world", (await client.GetAsync(sid, DbrType.String)).Value().GetString());

        var doubleSid = await client.CreateChannelAsync("TEST:WAVE", 8);
        await client.SendAsync(new WriteRequest((ushort)DbrType.Double, 2, doubleSid, 8, new byte[8]));
        var replies = await client.ReceiveUntilClosedAsync();
        Assert.Equal(Eca.Internal, Assert.Single(replies).As<ErrorResponse>().EcaStatus);
    }

    [Fact]
    public async Task Unknown_channel_ids_get_ecabadchid_and_the_circuit_goes_on()
    {
        await using var bad = await _server.ConnectAsync();
        foreach (var request in new CaMessage[]
        {
            new ReadNotifyRequest((ushort)DbrType.Long, 1, 12345, 1),
            WriteRequest.For(DbrType.Long, DbrValue.Of(1), 12345, 2),
            WriteNotifyRequest.For(DbrType.Long, DbrValue.Of(1), 12345, 3),
            new EventAddRequest((ushort)DbrType.Long, 1, 12345, 4, EventMask.Value),
        })
        {
            await bad.SendAsync(request);
            var error = (await bad.ReceiveAsync()).As<ErrorResponse>();
            Assert.Equal(Eca.Badchid, error.EcaStatus);
            Assert.Equal(request.Header, error.Request);
            Assert.Equal(uint.MaxValue, error.Cid);
        }

        await bad.ExpectNothingMoreAsync();
        await BystanderStillServedAsync();
    }

    [Fact]
    public async Task Cancelling_a_subscription_that_does_not_exist_gets_ecabadmonid_and_the_circuit_is_dropped()
    {
        await using var bad = await _server.ConnectAsync();
        var sid = await bad.CreateChannelAsync("TEST:LONG", 1);
        await bad.SendAsync(new EventCancelRequest((ushort)DbrType.Long, 1, sid, 999));
        Assert.Equal(Eca.Badmonid, Assert.Single(await bad.ReceiveUntilClosedAsync()).As<ErrorResponse>().EcaStatus);
        await BystanderStillServedAsync();
    }

    [Fact]
    public async Task Clearing_an_unknown_channel_is_confirmed_with_an_ecabadchid_warning()
    {
        await using var bad = await _server.ConnectAsync();
        await bad.SendAsync(new ClearChannelRequest(4321, 8));
        Assert.Equal(new ClearChannelResponse(4321, 8), (await bad.ReceiveAsync()).As<ClearChannelResponse>());
        Assert.Equal(Eca.Badchid, (await bad.ReceiveAsync()).As<ErrorResponse>().EcaStatus);
        await bad.ExpectNothingMoreAsync();
    }

    [Fact]
    public async Task Invalid_dbr_types_get_ecabadtype_carrying_the_request()
    {
        await using var bad = await _server.ConnectAsync();
        var sid = await bad.CreateChannelAsync("TEST:LONG", 7);
        foreach (var request in new CaMessage[]
        {
            new ReadNotifyRequest(40, 1, sid, 1),
            new EventAddRequest(0xFFFF, 1, sid, 2, EventMask.Value),
            new WriteNotifyRequest(77, 1, sid, 3, new byte[8]),
        })
        {
            await bad.SendAsync(request);
            var error = (await bad.ReceiveAsync()).As<ErrorResponse>();
            Assert.Equal(Eca.Badtype, error.EcaStatus);
            Assert.Equal(7u, error.Cid);
            Assert.Equal(request.Header, error.Request);
        }

        await bad.ExpectNothingMoreAsync();
        await BystanderStillServedAsync();
    }

    [Fact]
    public async Task Mask_zero_gets_ecabadmask()
    {
        await using var bad = await _server.ConnectAsync();
        var sid = await bad.CreateChannelAsync("TEST:LONG", 1);
        await bad.SendAsync(new EventAddRequest((ushort)DbrType.Long, 1, sid, 2, EventMask.None));
        Assert.Equal(Eca.Badmask, (await bad.ReceiveAsync()).As<ErrorResponse>().EcaStatus);
        await bad.ExpectNothingMoreAsync();
        await BystanderStillServedAsync();
    }

    [Fact]
    public async Task Counts_beyond_nelm_get_ecabadcount()
    {
        await using var bad = await _server.ConnectAsync();
        var sid = await bad.CreateChannelAsync("TEST:WAVE", 1);
        await bad.SendAsync(new ReadNotifyRequest((ushort)DbrType.Double, 11, sid, 1));
        Assert.Equal(Eca.Badcount, (await bad.ReceiveAsync()).As<ErrorResponse>().EcaStatus);
        await bad.SendAsync(WriteNotifyRequest.For(DbrType.Double, DbrValue.Of(new double[11]), sid, 2));
        Assert.Equal(Eca.Badcount, (await bad.ReceiveAsync()).As<ErrorResponse>().EcaStatus);
        await bad.ExpectNothingMoreAsync();
    }

    [Fact]
    public async Task Unparsable_string_writes_get_ecaputfail_and_change_nothing()
    {
        await using var bad = await _server.ConnectAsync();
        var sid = await bad.CreateChannelAsync("TEST:LONG", 1);
        await bad.SendAsync(WriteRequest.For(DbrType.String, DbrValue.Of("forty-two"), sid, 1));
        Assert.Equal(Eca.Putfail, (await bad.ReceiveAsync()).As<ErrorResponse>().EcaStatus);
        await bad.SendAsync(WriteNotifyRequest.For(DbrType.String, DbrValue.Of("0x"), sid, 2));
        Assert.Equal(Eca.Putfail.Value, (await bad.ReceiveAsync()).As<WriteNotifyResponse>().Status);
        await bad.ExpectNothingMoreAsync();
        Assert.Equal(42, _server.Provider["TEST:LONG"].Read().GetDouble());
        await BystanderStillServedAsync(expectUpdate: false);
    }

    [Fact]
    public async Task Garbage_bytes_never_take_the_server_down()
    {
        var random = new Random(20240601);
        for (var i = 0; i < 20; i++)
        {
            await using var bad = await _server.ConnectAsync(handshake: i % 2 == 0);
            var garbage = new byte[random.Next(1, 300)];
            random.NextBytes(garbage);
            await bad.SendAsync(garbage);
        }

        await BystanderStillServedAsync();
    }

    /// <summary>The bystander's subscription sees a change and its reads are answered.</summary>
    private async Task BystanderStillServedAsync(bool expectUpdate = true)
    {
        if (expectUpdate)
        {
            var next = 1000 + Interlocked.Increment(ref _bystanderUpdates);
            _server.Soft("TEST:LONG").SetValue(next);
            var update = await _bystander.ReceiveAsync();
            Assert.Equal(CaCommand.EventAdd, update.Command);
            Assert.Equal(next, update.Value().GetDouble());
        }

        var reply = await _bystander.GetAsync(_bystanderSid, DbrType.TimeLong, ioid: 99);
        Assert.Equal(Eca.Normal.Value, (int)reply.Header.Parameter1);
        Assert.True(_server.Server.IsRunning);
    }
}
