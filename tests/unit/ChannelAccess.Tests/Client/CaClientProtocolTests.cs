using System.Buffers.Binary;
using System.Diagnostics;
using Hyperion.ChannelAccess.Tests.Client.Fakes;
using Xunit.Abstractions;

namespace Hyperion.ChannelAccess.Tests.Client;

/// <summary>What the client sends and how it reacts, checked against the scripted server byte for byte.</summary>
public sealed class CaClientProtocolTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private FakeCaServer _server = null!;
    private CaClient _client = null!;

    public Task InitializeAsync()
    {
        _server = FakeCaServer.Start();
        _client = new CaClient(_server.ClientOptions());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task<(CaChannel Channel, FakeCircuit Circuit)> ConnectAsync(string name, DbrValue? value = null)
    {
        if (!HasPv(name))
        {
            _server.Add(name, value ?? DbrValue.Of(1.5));
        }

        var channel = _client.Channel(name);
        await channel.WaitForConnectionAsync(Timeout);
        return (channel, _server.OpenCircuits.Single());
    }

    private bool HasPv(string name)
    {
        try
        {
            _ = _server[name];
            return true;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
    }

    private static async Task<T> NextAsync<T>(FakeCircuit circuit, Func<T, bool>? match = null)
        where T : CaMessage =>
        (T)(await circuit.Received.NextAsync(m => m.Message is T t && (match is null || match(t)))).Message;

    [Fact]
    public async Task The_search_datagram_starts_with_a_version_message_and_asks_for_no_reply()
    {
        _client.Channel("BL03S-MO-SGON-01:X");

        var datagram = await _server.Datagrams.NextAsync();

        Assert.Equal(
            "00 00 00 00 00 01 00 0d 00 00 00 01 00 00 00 00 " +
            "00 06 00 18 00 05 00 0d 00 00 00 01 00 00 00 01 " +
            "42 4c 30 33 53 2d 4d 4f 2d 53 47 4f 4e 2d 30 31 3a 58 00 00 00 00 00 00",
            Hex.Of(datagram.Bytes));
    }

    [Fact]
    public async Task Searches_for_many_channels_share_datagrams()
    {
        var names = Enumerable.Range(0, 200).Select(i => $"BL03S-EA-MANY-{i:000}").ToList();
        foreach (var name in names)
        {
            _client.Channel(name);
        }

        var seen = new HashSet<string>();
        var datagrams = new List<ReceivedDatagram>();
        while (seen.Count < names.Count)
        {
            var datagram = await _server.Datagrams.NextAsync();
            datagrams.Add(datagram);
            seen.UnionWith(datagram.Searches.Select(s => s.Name));
        }

        Assert.All(datagrams, d => Assert.IsType<VersionRequest>(d.Messages[0]));
        Assert.True(datagrams.Sum(d => d.Searches.Count()) / datagrams.Count >= 10, $"{datagrams.Count} datagrams for {names.Count} names");
    }

    [Fact]
    public async Task A_circuit_opens_with_version_client_name_and_host_name_then_creates_the_channel()
    {
        var (channel, circuit) = await ConnectAsync("BL03S-MO-SGON-01:X");

        var first = circuit.Received.History.Take(4).ToList();
        Assert.Equal("00 00 00 00 00 00 00 0d 00 00 00 00 00 00 00 00", Hex.Of(first[0].Bytes));
        Assert.Equal(new ClientNameRequest("tester"), first[1].Message);
        Assert.Equal(new HostNameRequest("testhost"), first[2].Message);
        Assert.Equal(new CreateChanRequest("BL03S-MO-SGON-01:X", 1, 13), first[3].Message);
        Assert.Equal(_server.CircuitEndPoint, channel.Server);
    }

    [Fact]
    public async Task Connecting_reads_the_control_metadata_of_the_native_type()
    {
        var (channel, circuit) = await ConnectAsync("BL03S-MO-SGON-01:X", new DbrValue(DbrType.Float, new[] { 1f }) { Units = "deg", Precision = 2 });

        var read = await NextAsync<ReadNotifyRequest>(circuit);

        Assert.Equal((ushort)DbrType.CtrlFloat, read.DataType);
        Assert.Equal(1u, read.Count);
        Assert.Equal("deg", channel.Metadata!.Units);
        Assert.Equal(2, channel.Metadata.Precision);
    }

    [Fact]
    public async Task Channels_on_one_server_share_one_circuit()
    {
        _server.Add("A", DbrValue.Of(1.0));
        _server.Add("B", DbrValue.Of(2.0));
        _server.Add("C", DbrValue.Of(3.0));

        var channels = new[] { "A", "B", "C" }.Select(_client.Channel).ToList();
        await Task.WhenAll(channels.Select(c => c.WaitForConnectionAsync(Timeout)));

        var circuit = Assert.Single(_server.OpenCircuits);
        Assert.Equal(["A", "B", "C"], circuit.Received.History.Select(m => m.Message).OfType<CreateChanRequest>().Select(c => c.Name).Order());
        Assert.Equal(1, _server.Circuits.Count);
    }

    [Fact]
    public async Task Get_reads_the_native_type_in_the_requested_category_with_count_zero()
    {
        var (channel, circuit) = await ConnectAsync("X");

        var value = await channel.GetAsync();

        var read = circuit.Received.History.Select(m => m.Message).OfType<ReadNotifyRequest>().Last();
        Assert.Equal((ushort)DbrType.TimeDouble, read.DataType);
        Assert.Equal(0u, read.Count);
        Assert.Equal(1.5, value.GetDouble());
    }

    [Fact]
    public async Task Get_with_an_explicit_dbr_type_asks_for_that_type()
    {
        var (channel, circuit) = await ConnectAsync("X", new DbrValue(DbrType.Double, new[] { 1.5 }) { Precision = 2 });

        var value = await channel.GetAsync(DbrType.CtrlString, 1);

        var read = circuit.Received.History.Select(m => m.Message).OfType<ReadNotifyRequest>().Last();
        Assert.Equal((ushort)DbrType.CtrlString, read.DataType);
        Assert.Equal(DbrType.String, value.ValueType);
        Assert.Equal("1.50", value.GetString());
    }

    [Fact]
    public async Task Put_sends_write_with_sid_and_cid_and_put_with_wait_sends_write_notify()
    {
        var (channel, circuit) = await ConnectAsync("X");

        await channel.PutAsync(DbrValue.Of(2.5));
        await channel.PutAsync(DbrValue.Of(3.5), wait: true);

        var write = await NextAsync<WriteRequest>(circuit);
        var notify = await NextAsync<WriteNotifyRequest>(circuit);
        var created = circuit.Received.History.Select(m => m.Message).OfType<CreateChanRequest>().Single();
        Assert.Equal(100u, write.Sid);
        Assert.Equal(created.Cid, write.Ioid);
        Assert.Equal("00 04 00 08 00 06 00 01 00 00 00 64 00 00 00 01 40 04 00 00 00 00 00 00", Hex.Of(circuit.Received.History.Single(m => m.Message is WriteRequest).Bytes));
        Assert.Equal((ushort)DbrType.Double, notify.DataType);
        Assert.Equal(3.5, notify.Decode().GetDouble());
    }

    [Fact]
    public async Task Subscribe_sends_event_add_with_the_mask_and_disposing_sends_event_cancel()
    {
        var (channel, circuit) = await ConnectAsync("X");
        var updates = new AsyncQueue<DbrValue>();

        var subscription = channel.Subscribe(updates.Add, EventMask.Value | EventMask.Log | EventMask.Alarm, DbrCategory.Time);
        await updates.NextAsync();
        await subscription.DisposeAsync();

        var add = await NextAsync<EventAddRequest>(circuit);
        var cancel = await NextAsync<EventCancelRequest>(circuit);
        Assert.Equal((ushort)DbrType.TimeDouble, add.DataType);
        Assert.Equal(0u, add.Count);
        Assert.Equal(EventMask.Value | EventMask.Log | EventMask.Alarm, add.Mask);
        Assert.Equal(new EventCancelRequest(add.DataType, add.Count, add.Sid, add.SubscriptionId), cancel);
    }

    [Fact]
    public async Task Subscribing_with_an_empty_mask_is_refused_with_ECA_BADMASK()
    {
        var (channel, _) = await ConnectAsync("X");

        var error = Assert.Throws<PvException>(() => channel.Subscribe(_ => { }, EventMask.None));

        Assert.Equal(Eca.Badmask, error.Status);
    }

    [Fact]
    public async Task A_subscription_made_before_connection_is_sent_once_connected()
    {
        var updates = new AsyncQueue<DbrValue>();
        var channel = _client.Channel("LATE");
        await using var subscription = channel.Subscribe(updates.Add);

        _server.Add("LATE", DbrValue.Of(4.0));

        Assert.Equal(4.0, (await updates.NextAsync()).GetDouble());
        Assert.Equal(PvConnectionState.Connected, channel.State);
    }

    [Fact]
    public async Task A_read_reply_with_a_failure_status_fails_the_get_with_that_status()
    {
        var (channel, _) = await ConnectAsync("X");
        _server.Intercept = (circuit, message) =>
        {
            if (message is ReadNotifyRequest { DataType: (ushort)DbrType.TimeDouble } read)
            {
                circuit.Send(new ReadNotifyResponse(read.DataType, read.Count, Eca.Getfail.Value, read.Ioid, ReadOnlyMemory<byte>.Empty));
                return true;
            }

            return false;
        };

        var error = await Assert.ThrowsAsync<PvException>(() => channel.GetAsync().AsTask());

        Assert.Equal(Eca.Getfail, error.Status);
        Assert.Equal("X", error.PvName);
        Assert.Equal("get", error.Operation);
    }

    [Fact]
    public async Task A_refused_plain_write_is_raised_as_a_server_error_before_a_later_read_completes()
    {
        var (channel, _) = await ConnectAsync("X");
        _server.Intercept = (circuit, message) =>
        {
            if (message is WriteRequest write)
            {
                circuit.Send(new ErrorResponse(write.Ioid, Eca.Badstr.Value, write.Header, "not a number"));
                return true;
            }

            return false;
        };
        var errors = new List<CaServerErrorEventArgs>();
        _client.ServerError += (_, e) => errors.Add(e);

        await channel.PutAsync(DbrType.String, DbrValue.Of("twelve"));
        await channel.GetAsync(DbrCategory.Plain);
        await _client.FlushServerErrorsAsync();

        var error = Assert.Single(errors);
        Assert.Equal(new CaServerErrorEventArgs("X", Eca.Badstr, CaCommand.Write, "not a number"), error);
    }

    [Fact]
    public async Task An_error_message_for_a_read_fails_it_with_the_status_and_text()
    {
        var (channel, _) = await ConnectAsync("X");
        _server.Intercept = (circuit, message) =>
        {
            if (message is ReadNotifyRequest { DataType: (ushort)DbrType.TimeDouble } read)
            {
                circuit.Send(new ErrorResponse(1, Eca.Badcount.Value, read.Header, "too many elements"));
                return true;
            }

            return false;
        };

        var error = await Assert.ThrowsAsync<PvException>(() => channel.GetAsync(DbrCategory.Time, 5000).AsTask());

        Assert.Equal(Eca.Badcount, error.Status);
        Assert.Contains("too many elements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_notify_failure_fails_the_put_with_its_status()
    {
        var (channel, _) = await ConnectAsync("X");
        _server.Intercept = (circuit, message) =>
        {
            if (message is WriteNotifyRequest write)
            {
                circuit.Send(new WriteNotifyResponse(write.DataType, write.Count, Eca.Putfail.Value, write.Ioid));
                return true;
            }

            return false;
        };

        var error = await Assert.ThrowsAsync<PvException>(() => channel.PutAsync(DbrValue.Of(1.0), wait: true).AsTask());

        Assert.Equal(Eca.Putfail, error.Status);
        Assert.Equal("put", error.Operation);
    }

    [Fact]
    public async Task Put_and_get_on_a_disconnected_channel_fail_with_ECA_DISCONN()
    {
        var channel = _client.Channel("NOWHERE");

        var get = await Assert.ThrowsAsync<PvException>(() => channel.GetAsync().AsTask());
        var put = await Assert.ThrowsAsync<PvException>(() => channel.PutAsync(DbrValue.Of(1.0)).AsTask());

        Assert.Equal(Eca.Disconn, get.Status);
        Assert.Equal(Eca.Disconn, put.Status);
    }

    [Fact]
    public async Task Requests_pending_when_the_circuit_drops_fail_with_ECA_DISCONN_and_the_channel_disconnects()
    {
        var (channel, circuit) = await ConnectAsync("X");
        var held = new AsyncQueue<ReadNotifyRequest>();
        _server.Intercept = (_, message) =>
        {
            if (message is ReadNotifyRequest { DataType: (ushort)DbrType.TimeDouble } read)
            {
                held.Add(read);
                return true;
            }

            return false;
        };
        var get = channel.GetAsync().AsTask();
        await held.NextAsync();
        _server.AnswerSearches = false;

        circuit.Drop();

        var error = await Assert.ThrowsAsync<PvException>(() => get.WaitAsync(Timeout));
        Assert.Equal(Eca.Disconn, error.Status);
        await Eventually.StateAsync(channel, PvConnectionState.Disconnected);
        Assert.Null(channel.Metadata);
    }

    [Fact]
    public async Task A_cancelled_get_is_forgotten_and_its_late_reply_ignored()
    {
        var (channel, _) = await ConnectAsync("X");
        var held = new AsyncQueue<(FakeCircuit Circuit, ReadNotifyRequest Read)>();
        _server.Intercept = (circuit, message) =>
        {
            if (message is ReadNotifyRequest { DataType: (ushort)DbrType.TimeDouble } read && held.Count == 0)
            {
                held.Add((circuit, read));
                return true;
            }

            return false;
        };
        using var cancel = new CancellationTokenSource();
        var get = channel.GetAsync(cancellationToken: cancel.Token).AsTask();
        var (heldCircuit, heldRead) = await held.NextAsync();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => get);
        heldCircuit.Send(new ReadNotifyResponse(heldRead.DataType, 1, Eca.Normal.Value, heldRead.Ioid, DbrCodec.Encode(DbrType.TimeDouble, DbrValue.Of(9.0), 1)));

        Assert.Equal(1.5, (await channel.GetAsync()).GetDouble());
    }

    [Fact]
    public async Task Server_disconn_makes_the_channel_disconnected()
    {
        var (channel, circuit) = await ConnectAsync("X");
        var created = circuit.Received.History.Select(m => m.Message).OfType<CreateChanRequest>().Single();

        circuit.Send(new ServerDisconnResponse(created.Cid));

        await Eventually.StateAsync(channel, PvConnectionState.Disconnected);
        Assert.False(circuit.IsClosed);
    }

    [Fact]
    public async Task An_access_rights_change_after_connection_is_honoured()
    {
        var (channel, circuit) = await ConnectAsync("X");
        var created = circuit.Received.History.Select(m => m.Message).OfType<CreateChanRequest>().Single();

        circuit.Send(new AccessRightsResponse(created.Cid, AccessRights.Read));
        await channel.GetAsync();

        Assert.False(channel.Metadata!.CanWrite);
        var error = await Assert.ThrowsAsync<PvException>(() => channel.PutAsync(DbrValue.Of(2.0)).AsTask());
        Assert.Equal(Eca.Nowtaccess, error.Status);
    }

    [Fact]
    public async Task A_channel_closed_while_being_created_is_cleared_when_the_server_creates_it()
    {
        _server.Add("SLOW", DbrValue.Of(1.0));
        var creates = new AsyncQueue<(FakeCircuit Circuit, CreateChanRequest Create)>();
        _server.Intercept = (circuit, message) =>
        {
            if (message is CreateChanRequest create)
            {
                creates.Add((circuit, create));
                return true;
            }

            return false;
        };
        var channel = _client.Channel("SLOW");
        var (circuit, request) = await creates.NextAsync();

        await channel.DisposeAsync();
        circuit.Send(new AccessRightsResponse(request.Cid, AccessRights.ReadWrite), new CreateChanResponse((ushort)DbrType.Double, 1, request.Cid, 777));

        var clear = await NextAsync<ClearChannelRequest>(circuit);
        Assert.Equal(new ClearChannelRequest(777, request.Cid), clear);
    }

    [Fact]
    public async Task Disposing_a_channel_clears_it_on_the_server()
    {
        var (channel, circuit) = await ConnectAsync("X");

        await channel.DisposeAsync();

        var clear = await NextAsync<ClearChannelRequest>(circuit);
        Assert.Equal(100u, clear.Sid);
        Assert.Equal(PvConnectionState.Closed, channel.State);
        Assert.NotSame(channel, _client.Channel("X"));
    }

    [Fact]
    public async Task A_large_array_is_read_and_written_with_extended_headers()
    {
        var values = Enumerable.Range(0, 100_000).Select(i => i * 0.25).ToArray();
        var (channel, circuit) = await ConnectAsync("WAVE", DbrValue.Of(values));

        var read = await channel.GetAsync(DbrCategory.Time);
        await channel.PutAsync(DbrValue.Of(values.Reverse().ToArray()), wait: true);

        Assert.Equal(values, (double[])read.Values);
        var write = circuit.Received.History.Single(m => m.Message is WriteNotifyRequest);
        Assert.Equal(0xFFFF, BinaryPrimitives.ReadUInt16BigEndian(write.Bytes.AsSpan(2)));
        Assert.Equal(100_000u, BinaryPrimitives.ReadUInt32BigEndian(write.Bytes.AsSpan(20)));
        Assert.Equal(values[^1], _server["WAVE"].Value.GetDouble(0));
    }

    [Fact]
    public async Task A_put_over_max_array_bytes_fails_with_ECA_TOLARGE_when_array_bytes_are_fixed()
    {
        await _client.DisposeAsync();
        _client = new CaClient(_server.ClientOptions() with { AutoArrayBytes = false, MaxArrayBytes = 16384 });
        var (channel, _) = await ConnectAsync("WAVE", DbrValue.Of(new double[10]));

        var error = await Assert.ThrowsAsync<PvException>(() => channel.PutAsync(DbrValue.Of(new double[10_000]), wait: true).AsTask());

        Assert.Equal(Eca.Tolarge, error.Status);
    }

    [Fact]
    public async Task A_name_server_answers_searches_over_its_circuit()
    {
        await _client.DisposeAsync();
        _client = new CaClient(_server.ClientOptions(useNameServer: true));
        _server.Add("NS:PV", DbrValue.Of(8.0));

        var channel = _client.Channel("NS:PV");
        await channel.WaitForConnectionAsync(Timeout);

        var circuit = Assert.Single(_server.OpenCircuits);
        var search = await NextAsync<SearchRequest>(circuit);
        Assert.Equal("NS:PV", search.Name);
        Assert.Equal(CaProtocol.DontReply, search.Reply);
        Assert.Equal(8.0, (await channel.GetAsync()).GetDouble());
        Assert.Equal(0, _server.Datagrams.Count);
    }

    [Fact]
    public async Task Disposing_the_client_closes_its_channels_and_circuits()
    {
        var (channel, circuit) = await ConnectAsync("X");

        await _client.DisposeAsync();

        Assert.Equal(PvConnectionState.Closed, channel.State);
        await circuit.Closed.Task.WaitAsync(Timeout);
        Assert.Throws<ObjectDisposedException>(() => _client.Channel("Y"));
    }

    [Fact]
    public async Task Two_thousand_channels_connect_in_well_under_a_second_on_loopback()
    {
        var names = Enumerable.Range(0, 2000).Select(i => $"BL03S-EA-BULK-{i:0000}").ToList();
        foreach (var name in names)
        {
            _server.Add(name, DbrValue.Of((double)name.Length));
        }

        var watch = Stopwatch.StartNew();
        var channels = names.Select(_client.Channel).ToList();
        await Task.WhenAll(channels.Select(c => c.WaitForConnectionAsync(Timeout)));
        watch.Stop();
        output.WriteLine($"2000 channels connected in {watch.Elapsed.TotalMilliseconds:0} ms");

        // Well under a second on a quiet machine; the bound is loose for shared CI runners.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"2000 channels took {watch.Elapsed.TotalMilliseconds:0} ms");
        Assert.Single(_server.OpenCircuits);
    }
}
