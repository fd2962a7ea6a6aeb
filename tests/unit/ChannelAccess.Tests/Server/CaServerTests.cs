using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Server;

/// <summary>The server over real loopback sockets, checked with raw Channel Access messages.</summary>
public class CaServerTests
{
    [Fact]
    public async Task A_version_prefixed_udp_search_gets_a_search_reply_with_payload_8_and_p1_ffffffff()
    {
        await using var server = await TestServer.StartAsync();
        var datagram = new VersionRequest(0, 13).ToBytes().Concat(new SearchRequest("TEST:LONG", 5, CaProtocol.DontReply, 13).ToBytes()).ToArray();
        var reply = await server.SearchAsync(datagram);
        var port = (ushort)server.Port;
        Assert.Equal(
            "00 00 00 00 00 01 00 0d 00 00 00 00 00 00 00 00 " +
            $"00 06 00 08 {port >> 8:x2} {port & 0xFF:x2} 00 00 ff ff ff ff 00 00 00 05 00 0d 00 00 00 00 00 00",
            Hex.Of(reply));
    }

    [Fact]
    public async Task Unknown_names_get_no_udp_reply()
    {
        await using var server = await TestServer.StartAsync();
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = new IPEndPoint(IPAddress.Loopback, server.Server.UdpPort);
        byte[] Search(string name, uint cid) => [.. new VersionRequest(0, 13).ToBytes(), .. new SearchRequest(name, cid, CaProtocol.DoReply, 13).ToBytes()];
        await udp.SendAsync(Search("NO:SUCH:PV", 1), target);
        await udp.SendAsync(Search("TEST:DOUBLE", 2), target);
        using var cancel = new CancellationTokenSource(RawCaClient.DefaultTimeout);
        var reply = new ReplyParser().Feed((await udp.ReceiveAsync(cancel.Token)).Buffer);
        Assert.Equal(2u, reply[1].As<SearchResponse>().Cid);
    }

    [Fact]
    public async Task The_server_speaks_first_with_its_version_and_a_tcp_search_with_do_reply_gets_not_found()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync(handshake: false);
        Assert.Equal("00 00 00 00 00 00 00 0d 00 00 00 00 00 00 00 00", Hex.Of((await client.ReceiveAsync()).Bytes()));
        await client.SendAsync(new VersionRequest(0, 13), new SearchRequest("NO:SUCH:PV", 33, CaProtocol.DoReply, 13));
        Assert.Equal("00 0e 00 00 00 0a 00 0d 00 00 00 21 00 00 00 21", Hex.Of((await client.ReceiveAsync()).Bytes()));
        await client.SendAsync(new SearchRequest("TEST:LONG", 34, CaProtocol.DoReply, 13));
        var found = await client.ReceiveAsync();
        Assert.Equal(new CaHeader(CaCommand.Search, 0, (ushort)server.Port, 0, uint.MaxValue, 34), found.Header);
    }

    [Fact]
    public async Task Channel_creation_sends_access_rights_then_the_create_reply()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        await client.SendAsync(new CreateChanRequest("TEST:ENUM", 0x10, 13));
        Assert.Equal("00 16 00 00 00 00 00 00 00 00 00 10 00 00 00 03", Hex.Of((await client.ReceiveAsync()).Bytes()));
        var create = await client.ReceiveAsync();
        Assert.Equal("00 12 00 00 00 03 00 01 00 00 00 10", Hex.Of(create.Bytes().AsSpan(0, 12)));
        await client.SendAsync(new CreateChanRequest("NO:SUCH:PV", 0x11, 13));
        Assert.Equal(CaCommand.CreateChFail, (await client.ReceiveAsync()).Command);
    }

    [Fact]
    public async Task Gets_convert_types_read_the_current_length_with_count_0_and_pad_longer_reads()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var number = await client.CreateChannelAsync("TEST:DOUBLE", 1);
        var states = await client.CreateChannelAsync("TEST:ENUM", 2);
        var wave = await client.CreateChannelAsync("TEST:WAVE", 3);

        var time = (await client.GetAsync(number, DbrType.TimeDouble)).Value();
        Assert.Equal(3.14159, time.GetDouble());
        Assert.Equal(TestPvs.Stamp, time.Timestamp);
        Assert.Equal("3.142", (await client.GetAsync(number, DbrType.String)).Value().GetString());
        Assert.Equal(TestPvs.EnumStates, (await client.GetAsync(states, DbrType.CtrlEnum)).Value().EnumStrings);
        Assert.Equal("On", (await client.GetAsync(states, DbrType.String)).Value().GetString());
        Assert.Equal(new[] { 1.0, 2, 3, 4, 5 }, (double[])(await client.GetAsync(wave, DbrType.Double, 0)).Value().Values);
        Assert.Equal(new short[] { 1, 2, 3, 4, 5, 0, 0 }, (short[])(await client.GetAsync(wave, DbrType.Short, 7)).Value().Values);
    }

    [Fact]
    public async Task Large_arrays_travel_with_the_extended_header()
    {
        var provider = TestPvs.Create();
        var values = Enumerable.Range(0, 100_000).Select(i => (double)i).ToArray();
        provider.AddSoft("TEST:BIG", DbrValue.Of(values));
        await using var server = await TestServer.StartAsync(provider);
        await using var client = await server.ConnectAsync();
        var sid = await client.CreateChannelAsync("TEST:BIG", 1);
        var reply = await client.GetAsync(sid, DbrType.Double, 0);
        Assert.Equal(800_000u, reply.Header.PayloadSize);
        Assert.Equal(24, reply.Header.Size);
        Assert.Equal(values, (double[])reply.Value().Values);

        var doubled = values.Select(v => v * 2).ToArray();
        await client.SendAsync(WriteNotifyRequest.For(DbrType.Double, DbrValue.Of(doubled), sid, 2));
        Assert.Equal(Eca.Normal.Value, (await client.ReceiveAsync()).As<WriteNotifyResponse>().Status);
        Assert.Equal(doubled, (double[])server.Provider["TEST:BIG"].Read().Values);
    }

    [Fact]
    public async Task Write_notify_completes_when_the_move_ends_while_the_circuit_and_others_are_served()
    {
        var provider = TestPvs.Create();
        var moveDone = new TaskCompletionSource<EcaStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        var motor = provider.AddSoft("TEST:MOTOR", DbrValue.Of(0.0), new SoftPvOptions
        {
            WriteHandler = async (pv, value, client, ct) =>
            {
                pv.Set(value);
                return await moveDone.Task.WaitAsync(ct);
            },
        });
        await using var server = await TestServer.StartAsync(provider);
        await using var mover = await server.ConnectAsync();
        await using var watcher = await server.ConnectAsync();
        var motorSid = await mover.CreateChannelAsync("TEST:MOTOR", 1);
        var longSid = await mover.CreateChannelAsync("TEST:LONG", 2);
        var watched = await watcher.CreateChannelAsync("TEST:MOTOR", 1);

        await mover.SendAsync(WriteNotifyRequest.For(DbrType.Double, DbrValue.Of(25.0), motorSid, 500));
        Assert.Equal(42, (await mover.GetAsync(longSid, DbrType.Long, ioid: 501)).Value().GetDouble());
        Assert.Equal(25.0, (await watcher.GetAsync(watched, DbrType.Double)).Value().GetDouble());

        moveDone.SetResult(Eca.Normal);
        var done = await mover.ReceiveAsync();
        Assert.Equal(new CaHeader(CaCommand.WriteNotify, 0, (ushort)DbrType.Double, 1, (uint)Eca.Normal.Value, 500), done.Header);
        Assert.Equal(25.0, motor.Value.GetDouble());
    }

    [Fact]
    public async Task Monitors_send_the_first_update_at_once_then_changes_and_confirm_cancel()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var sid = await client.CreateChannelAsync("TEST:DEADBAND", 1);
        await client.SendAsync(new EventAddRequest((ushort)DbrType.TimeDouble, 1, sid, 9, EventMask.Value | EventMask.Alarm));
        var first = await client.ReceiveAsync();
        Assert.Equal(CaCommand.EventAdd, first.Command);
        Assert.Equal(0.0, first.Value().GetDouble());

        var pv = server.Soft("TEST:DEADBAND");
        pv.SetValue(0.5);
        pv.SetValue(2.0);
        var update = await client.ReceiveAsync();
        Assert.Equal(2.0, update.Value().GetDouble());
        Assert.Equal(9u, update.Header.Parameter2);

        await client.SendAsync(new EventCancelRequest((ushort)DbrType.TimeDouble, 1, sid, 9));
        Assert.Equal(new CaHeader(CaCommand.EventAdd, 0, (ushort)DbrType.TimeDouble, 1, sid, 9), (await client.ReceiveAsync()).Header);
        pv.SetValue(10);
        await client.ExpectNothingMoreAsync();
    }

    [Fact]
    public async Task The_same_pv_twice_on_a_circuit_has_independent_channels_and_subscriptions()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var a = await client.CreateChannelAsync("TEST:LONG", 1);
        var b = await client.CreateChannelAsync("TEST:LONG", 2);
        Assert.NotEqual(a, b);
        await client.SendAsync(new EventAddRequest((ushort)DbrType.Long, 1, a, 10, EventMask.Value), new EventAddRequest((ushort)DbrType.String, 1, b, 20, EventMask.Value));
        var firstUpdate = (await client.ReceiveAsync()).Header.Parameter2;
        var secondUpdate = (await client.ReceiveAsync()).Header.Parameter2;
        Assert.Equal((10u, 20u), (firstUpdate, secondUpdate));

        await client.SendAsync(new ClearChannelRequest(a, 1));
        Assert.Equal(CaCommand.ClearChannel, (await client.ReceiveAsync()).Command);
        server.Soft("TEST:LONG").SetValue(7);
        var update = await client.ReceiveAsync();
        Assert.Equal(20u, update.Header.Parameter2);
        Assert.Equal("7", update.Value().GetString());
        await client.ExpectNothingMoreAsync();
    }

    [Fact]
    public async Task Events_off_holds_only_the_latest_update_per_subscription_until_events_on()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var sid = await client.CreateChannelAsync("TEST:LONG", 1);
        await client.SendAsync(new EventAddRequest((ushort)DbrType.Long, 1, sid, 1, EventMask.Value));
        await client.ReceiveAsync();
        await client.SendAsync(new EventsOffRequest());
        await client.ExpectNothingMoreAsync();

        var pv = server.Soft("TEST:LONG");
        for (var i = 0; i < 1000; i++)
        {
            pv.SetValue(i);
        }

        await client.ExpectNothingMoreAsync();
        await client.SendAsync(new EventsOnRequest());
        var update = await client.ReceiveAsync();
        Assert.Equal(999, update.Value().GetDouble());
        await client.ExpectNothingMoreAsync();
    }

    [Fact]
    public async Task Monitors_deliver_every_update_in_order_to_a_client_that_keeps_up()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var sid = await client.CreateChannelAsync("TEST:LONG", 1);
        await client.SendAsync(new EventAddRequest((ushort)DbrType.Long, 1, sid, 1, EventMask.Value));
        await client.ReceiveAsync();
        var pv = server.Soft("TEST:LONG");
        for (var i = 0; i < 5000; i++)
        {
            pv.SetValue(i);
        }

        var updates = await client.ReceiveUntilAsync(r => r.Value().GetDouble() == 4999);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (double)i), updates.Select(u => u.Value().GetDouble()));
    }

    [Fact]
    public async Task Changes_made_concurrently_on_several_threads_reach_the_subscriber_in_order_per_pv()
    {
        var provider = TestPvs.Create();
        var pvs = Enumerable.Range(0, 4).Select(i => provider.AddSoft($"TEST:THREAD{i}", DbrValue.Of(-1.0))).ToArray();
        await using var server = await TestServer.StartAsync(provider);
        await using var client = await server.ConnectAsync();
        for (var i = 0; i < pvs.Length; i++)
        {
            var sid = await client.CreateChannelAsync(pvs[i].Name, (uint)i);
            await client.SendAsync(new EventAddRequest((ushort)DbrType.Double, 1, sid, (uint)i, EventMask.Value));
            await client.ReceiveAsync();
        }

        const int Changes = 2000;
        var writers = pvs.Select(pv => Task.Run(() =>
        {
            for (var n = 0; n < Changes; n++)
            {
                pv.SetValue(n);
            }
        })).ToArray();

        var seen = pvs.Select(_ => new List<double>()).ToArray();
        while (seen.Any(s => s.Count == 0 || s[^1] != Changes - 1))
        {
            var update = await client.ReceiveAsync();
            seen[update.Header.Parameter2].Add(update.Value().GetDouble());
        }

        await Task.WhenAll(writers);
        Assert.All(seen, s => Assert.Equal(Enumerable.Range(0, Changes).Select(n => (double)n), s));
    }

    [Fact]
    public async Task Access_rights_refuse_reads_and_writes_as_base_does()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var readOnly = await client.CreateChannelAsync("TEST:RO", 1, AccessRights.Read);
        var hidden = await client.CreateChannelAsync("TEST:HIDDEN", 2, AccessRights.None);

        await client.SendAsync(WriteRequest.For(DbrType.Double, DbrValue.Of(3.0), readOnly, 1));
        var error = (await client.ReceiveAsync()).As<ErrorResponse>();
        Assert.Equal(Eca.Nowtaccess, error.EcaStatus);
        Assert.Equal(1u, error.Cid);
        await client.SendAsync(WriteNotifyRequest.For(DbrType.Double, DbrValue.Of(3.0), readOnly, 2));
        Assert.Equal(Eca.Nowtaccess.Value, (await client.ReceiveAsync()).As<WriteNotifyResponse>().Status);

        var refused = await client.GetAsync(hidden, DbrType.Double);
        Assert.Equal(Eca.Nordaccess.Value, (int)refused.Header.Parameter1);
        await client.SendAsync(new EventAddRequest((ushort)DbrType.Double, 1, hidden, 3, EventMask.Value));
        Assert.Equal(Eca.Nordaccess.Value, (int)(await client.ReceiveAsync()).Header.Parameter1);
        server.Soft("TEST:HIDDEN").SetValue(9);
        await client.ExpectNothingMoreAsync();
        Assert.Equal(1.5, server.Provider["TEST:RO"].Read().GetDouble());
    }

    [Fact]
    public async Task Access_rules_see_the_client_name_it_sent()
    {
        var provider = TestPvs.Create();
        provider.AddSoft("TEST:GUARDED", DbrValue.Of(0.0), new SoftPvOptions { AccessRule = c => c.UserName == "operator" ? AccessRights.ReadWrite : AccessRights.Read });
        await using var server = await TestServer.StartAsync(provider);
        await using var visitor = await server.ConnectAsync(user: "visitor");
        await using var op = await server.ConnectAsync(user: "operator");
        await visitor.CreateChannelAsync("TEST:GUARDED", 1, AccessRights.Read);
        await op.CreateChannelAsync("TEST:GUARDED", 1, AccessRights.ReadWrite);
    }

    [Fact]
    public async Task Stopping_closes_every_circuit_and_a_restart_on_the_same_port_serves_again()
    {
        var provider = TestPvs.Create();
        await using var first = await TestServer.StartAsync(provider);
        var port = first.Port;
        await using var client = await first.ConnectAsync();
        await client.CreateChannelAsync("TEST:LONG", 1);
        await first.Server.StopAsync();
        Assert.Empty(await client.ReceiveUntilClosedAsync());
        Assert.False(first.Server.IsRunning);
        Assert.Equal(0, first.Server.CircuitCount);

        await using var second = await TestServer.StartAsync(provider, new CaServerOptions { ServerPort = port, AutoBeaconAddresses = false });
        Assert.Equal(port, second.Port);
        await using var again = await second.ConnectAsync();
        var sid = await again.CreateChannelAsync("TEST:LONG", 1);
        Assert.Equal(42, (await again.GetAsync(sid, DbrType.Long)).Value().GetDouble());
    }

    [Fact]
    public async Task A_second_server_on_a_taken_port_shares_the_udp_port_and_picks_another_tcp_port()
    {
        await using var first = await TestServer.StartAsync();
        await using var second = await TestServer.StartAsync(TestPvs.Create(), new CaServerOptions { ServerPort = first.Port, AutoBeaconAddresses = false });
        Assert.Equal(first.Port, second.Server.UdpPort);
        Assert.NotEqual(first.Port, second.Port);
        await using var client = await second.ConnectAsync();
        await client.CreateChannelAsync("TEST:LONG", 1);
    }

    [Fact]
    public async Task Starting_twice_is_refused()
    {
        await using var server = await TestServer.StartAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.Server.StartAsync());
    }

    [Fact]
    public async Task A_client_that_stops_reading_does_not_hold_up_other_clients()
    {
        var provider = TestPvs.Create();
        var big = provider.AddSoft("TEST:FLOOD", DbrValue.Of(new double[10_000]));
        await using var server = await TestServer.StartAsync(provider);
        await using var stuck = await server.ConnectAsync();
        var floodSid = await stuck.CreateChannelAsync("TEST:FLOOD", 1);
        await stuck.SendAsync(new EventAddRequest((ushort)DbrType.Double, 0, floodSid, 1, EventMask.Value));
        for (var i = 0; i < 200; i++)
        {
            big.SetValues(Enumerable.Repeat((double)i, 10_000).ToArray());
            await stuck.SendAsync(new ReadNotifyRequest((ushort)DbrType.Double, 0, floodSid, (uint)i));
        }

        await using var healthy = await server.ConnectAsync();
        var sid = await healthy.CreateChannelAsync("TEST:LONG", 1);
        for (uint i = 0; i < 20; i++)
        {
            Assert.Equal(42, (await healthy.GetAsync(sid, DbrType.Long, ioid: i)).Value().GetDouble());
        }
    }

    [Fact]
    public async Task Beacons_carry_version_port_and_counting_ids_with_the_back_off_and_restart_from_zero()
    {
        using var repeater = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var options = new CaServerOptions
        {
            ServerPort = 0,
            AutoBeaconAddresses = false,
            BeaconAddresses = [(IPEndPoint)repeater.Client.LocalEndPoint!],
            BeaconPeriod = TimeSpan.FromSeconds(1),
        };
        await using var server = await TestServer.StartAsync(options: options, time: time);
        var port = (ushort)server.Port;

        var first = await ReceiveBeaconAsync(repeater);
        Assert.Equal($"00 0d 00 00 00 0d {port >> 8:x2} {port & 0xFF:x2} 00 00 00 00 00 00 00 00", Hex.Of(first));
        foreach (var (id, interval) in new[] { (1u, 20), (2u, 40), (3u, 80), (4u, 160) })
        {
            var (beacon, elapsed) = await AdvanceUntilBeaconAsync(repeater, time);
            Assert.Equal(id, BinaryPrimitives.ReadUInt32BigEndian(beacon.AsSpan(8)));
            Assert.True(elapsed >= interval, $"beacon {id} came after {elapsed} ms, expected at least {interval} ms");
            Assert.True(elapsed < interval * 2 + 50, $"beacon {id} came after {elapsed} ms, expected about {interval} ms");
        }

        await server.Server.StopAsync();
        await server.Server.StartAsync();
        byte[] restarted;
        do
        {
            restarted = await ReceiveBeaconAsync(repeater);
        }
        while (BinaryPrimitives.ReadUInt16BigEndian(restarted.AsSpan(6)) != (ushort)server.Port);

        Assert.Equal(0u, BinaryPrimitives.ReadUInt32BigEndian(restarted.AsSpan(8)));
    }

    private static async Task<byte[]> ReceiveBeaconAsync(UdpClient repeater)
    {
        using var cancel = new CancellationTokenSource(RawCaClient.DefaultTimeout);
        return (await repeater.ReceiveAsync(cancel.Token)).Buffer;
    }

    // Fake time only moves when told to: it is moved in 5 ms steps until the next beacon arrives.
    private static async Task<(byte[] Beacon, long ElapsedMs)> AdvanceUntilBeaconAsync(UdpClient repeater, Microsoft.Extensions.Time.Testing.FakeTimeProvider time)
    {
        var receive = repeater.ReceiveAsync();
        long elapsed = 0;
        var deadline = DateTime.UtcNow + RawCaClient.DefaultTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await Task.WhenAny(receive, Task.Delay(TimeSpan.FromMilliseconds(20))) == receive)
            {
                return ((await receive).Buffer, elapsed);
            }

            time.Advance(TimeSpan.FromMilliseconds(5));
            elapsed += 5;
        }

        throw new TimeoutException("No beacon.");
    }
}
