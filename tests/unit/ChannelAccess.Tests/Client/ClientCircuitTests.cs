using System.Buffers;
using System.Net;

namespace Hyperion.ChannelAccess.Tests.Client;

public class ClientCircuitTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly IPEndPoint Server = new(IPAddress.Parse("10.0.0.5"), 5064);
    private static readonly CaClientOptions Options = new() { UserName = "tester", HostName = "testhost", AutoAddressList = false };

    private static (ClientCircuit Circuit, RecordingHandler Handler) Create(CaClientOptions? options = null, ushort serverVersion = 13)
    {
        var handler = new RecordingHandler();
        var circuit = new ClientCircuit(Server, serverVersion, options ?? Options, handler);
        return (circuit, handler);
    }

    private static void Feed(ClientCircuit circuit, byte[] bytes, DateTimeOffset now)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        circuit.Receive(ref buffer, now);
        Assert.Equal(0, buffer.Length);
    }

    /// <summary>Feeds the bytes in pieces of <paramref name="chunk"/>, keeping what a read leaves unconsumed, as the pipe does.</summary>
    private static void FeedInPieces(ClientCircuit circuit, byte[] bytes, int chunk)
    {
        var pending = new List<byte>();
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            pending.AddRange(bytes.Skip(offset).Take(chunk));
            var buffer = new ReadOnlySequence<byte>(pending.ToArray());
            circuit.Receive(ref buffer, T0);
            pending = [.. buffer.ToArray()];
        }

        Assert.Empty(pending);
    }

    [Fact]
    public void The_handshake_is_version_then_client_name_then_host_name()
    {
        var (circuit, _) = Create();

        circuit.Start(T0);

        Assert.Equal(
            "00 00 00 00 00 00 00 0d 00 00 00 00 00 00 00 00 " +
            "00 14 00 08 00 00 00 00 00 00 00 00 00 00 00 00 74 65 73 74 65 72 00 00 " +
            "00 15 00 10 00 00 00 00 00 00 00 00 00 00 00 00 74 65 73 74 68 6f 73 74 00 00 00 00 00 00 00 00",
            Hex.Of(circuit.Outbox.Drain()));
    }

    [Fact]
    public void The_version_carries_the_circuit_priority()
    {
        var (circuit, _) = Create(Options with { Priority = 20 });

        circuit.Start(T0);

        Assert.Equal("00 00 00 00 00 14 00 0d 00 00 00 00 00 00 00 00", Hex.Of(circuit.Outbox.Drain().AsSpan(0, 16)));
    }

    [Fact]
    public void Create_chan_carries_the_name_the_cid_and_our_minor_version()
    {
        var (circuit, _) = Create();

        circuit.CreateChannel(1, "X:Y");

        Assert.Equal("00 12 00 08 00 00 00 00 00 00 00 01 00 00 00 0d 58 3a 59 00 00 00 00 00", Hex.Of(circuit.Outbox.Drain()));
    }

    [Fact]
    public void Read_notify_asks_for_count_zero_from_a_V4_13_server_and_the_native_count_from_an_older_one()
    {
        var (modern, _) = Create(serverVersion: 13);
        var (old, _) = Create(serverVersion: 12);

        modern.ReadNotify(DbrType.TimeDouble, 0, 10, 100, 5);
        old.ReadNotify(DbrType.TimeDouble, 0, 10, 100, 5);

        Assert.Equal("00 0f 00 00 00 14 00 00 00 00 00 64 00 00 00 05", Hex.Of(modern.Outbox.Drain()));
        Assert.Equal("00 0f 00 00 00 14 00 0a 00 00 00 64 00 00 00 05", Hex.Of(old.Outbox.Drain()));
    }

    [Fact]
    public void Write_puts_the_sid_in_p1_and_the_cid_in_p2_with_the_value_padded_to_8()
    {
        var (circuit, _) = Create();

        circuit.Write(DbrType.Long, DbrValue.Of(7), 100, 3);

        Assert.Equal("00 04 00 08 00 05 00 01 00 00 00 64 00 00 00 03 00 00 00 07 00 00 00 00", Hex.Of(circuit.Outbox.Drain()));
    }

    [Fact]
    public void Write_notify_converts_the_value_to_the_requested_type()
    {
        var (circuit, _) = Create();

        circuit.WriteNotify(DbrType.Double, DbrValue.Of(2), 100, 9);

        Assert.Equal("00 13 00 08 00 06 00 01 00 00 00 64 00 00 00 09 40 00 00 00 00 00 00 00", Hex.Of(circuit.Outbox.Drain()));
    }

    [Fact]
    public void A_large_write_uses_the_extended_header()
    {
        var (circuit, _) = Create();

        circuit.WriteNotify(DbrType.Double, DbrValue.Of(new double[100_000]), 100, 9);

        var bytes = circuit.Outbox.Drain();
        Assert.Equal("00 13 ff ff 00 06 00 00 00 00 00 64 00 00 00 09 00 0c 35 00 00 01 86 a0", Hex.Of(bytes.AsSpan(0, 24)));
        Assert.Equal(24 + 800_000, bytes.Length);
    }

    [Fact]
    public void A_write_larger_than_max_array_bytes_is_refused_with_ECA_TOLARGE()
    {
        var (circuit, _) = Create(Options with { AutoArrayBytes = false, MaxArrayBytes = 16384 });

        var error = Assert.Throws<CaProtocolException>(() => circuit.Write(DbrType.Double, DbrValue.Of(new double[10_000]), 100, 3));

        Assert.Equal(Eca.Tolarge, error.Status);
        Assert.Empty(circuit.Outbox.Drain());
    }

    [Fact]
    public void Event_add_carries_the_mask_after_three_unused_floats_and_event_cancel_repeats_the_type_and_count()
    {
        var (circuit, _) = Create();

        circuit.EventAdd(DbrType.TimeDouble, 0, 1, 100, 12, EventMask.Value | EventMask.Alarm);
        circuit.EventCancel(DbrType.TimeDouble, 0, 1, 100, 12);

        Assert.Equal(
            "00 01 00 10 00 14 00 00 00 00 00 64 00 00 00 0c 00 00 00 00 00 00 00 00 00 00 00 00 00 05 00 00 " +
            "00 02 00 00 00 14 00 00 00 00 00 64 00 00 00 0c",
            Hex.Of(circuit.Outbox.Drain()));
    }

    [Fact]
    public void Clear_channel_carries_sid_and_cid()
    {
        var (circuit, _) = Create();

        circuit.ClearChannel(100, 3);

        Assert.Equal("00 0c 00 00 00 00 00 00 00 00 00 64 00 00 00 03", Hex.Of(circuit.Outbox.Drain()));
    }

    [Fact]
    public void Replies_split_across_reads_are_each_reported_once_in_order()
    {
        var (circuit, handler) = Create();
        var time = new DbrValue(DbrType.Double, new[] { 1.5 }) { Timestamp = new EpicsTimestamp(10, 20) };
        byte[] stream =
        [
            .. new VersionResponse(13).ToBytes(),
            .. new AccessRightsResponse(1, AccessRights.ReadWrite).ToBytes(),
            .. new CreateChanResponse((ushort)DbrType.Double, 1, 1, 100).ToBytes(),
            .. new ReadNotifyResponse((ushort)DbrType.TimeDouble, 1, Eca.Normal.Value, 5, DbrCodec.Encode(DbrType.TimeDouble, time, 1)).ToBytes(),
            .. new EventAddResponse((ushort)DbrType.TimeDouble, 1, Eca.Normal.Value, 12, DbrCodec.Encode(DbrType.TimeDouble, time, 1)).ToBytes(),
            .. new EventAddResponse((ushort)DbrType.TimeDouble, 0, Eca.Normal.Value, 12, ReadOnlyMemory<byte>.Empty).ToBytes(),
            .. new WriteNotifyResponse((ushort)DbrType.Double, 1, Eca.Putfail.Value, 6).ToBytes(),
            .. new CreateChFailResponse(2).ToBytes(),
            .. new ServerDisconnResponse(1).ToBytes(),
            .. new EchoMessage().ToBytes(),
        ];

        FeedInPieces(circuit, stream, 1);

        Assert.Equal(
            [
                "rights 1 ReadWrite",
                "created 1 sid 100 type 6 count 1",
                "read 5 ECA_NORMAL 1.5@10.20",
                "update 12 ECA_NORMAL 1.5@10.20",
                "write 6 ECA_PUTFAIL",
                "create failed 2",
                "server disconnected 1",
            ],
            handler.Calls);
    }

    [Fact]
    public void A_read_failure_status_is_reported_without_a_value()
    {
        var (circuit, handler) = Create();

        Feed(circuit, new ReadNotifyResponse((ushort)DbrType.TimeDouble, 1, Eca.Nordaccess.Value, 5, ReadOnlyMemory<byte>.Empty).ToBytes(), T0);

        Assert.Equal(["read 5 ECA_NORDACCESS"], handler.Calls);
    }

    [Fact]
    public void A_reply_with_an_unknown_dbr_type_is_reported_as_ECA_BADTYPE()
    {
        var (circuit, handler) = Create();

        Feed(circuit, new ReadNotifyResponse(99, 1, Eca.Normal.Value, 5, new byte[8]).ToBytes(), T0);

        Assert.Equal(["read 5 ECA_BADTYPE"], handler.Calls);
    }

    [Fact]
    public void A_large_array_reply_in_the_extended_form_is_decoded()
    {
        var (circuit, handler) = Create();
        var values = Enumerable.Range(0, 100_000).Select(i => (double)i).ToArray();
        var bytes = new ReadNotifyResponse((ushort)DbrType.Double, 100_000, Eca.Normal.Value, 5, DbrCodec.Encode(DbrType.Double, DbrValue.Of(values), values.Length)).ToBytes();

        FeedInPieces(circuit, bytes, 65536);

        Assert.Equal(values, (double[])handler.LastValue!.Values);
    }

    [Fact]
    public void A_reply_over_max_array_bytes_is_skipped_and_the_next_one_is_read()
    {
        var (circuit, handler) = Create(Options with { AutoArrayBytes = false, MaxArrayBytes = 16384 });
        var big = new ReadNotifyResponse((ushort)DbrType.Double, 100_000, Eca.Normal.Value, 5, DbrCodec.Encode(DbrType.Double, DbrValue.Of(new double[100_000]), 100_000)).ToBytes();
        byte[] stream = [.. big, .. new WriteNotifyResponse((ushort)DbrType.Double, 1, Eca.Normal.Value, 6).ToBytes()];

        FeedInPieces(circuit, stream, 4096);

        Assert.Equal(["oversized ReadNotify 800000", "write 6 ECA_NORMAL"], handler.Calls);
    }

    [Fact]
    public void An_error_message_reports_the_status_and_the_failed_request()
    {
        var (circuit, handler) = Create();
        var request = new ReadNotifyRequest((ushort)DbrType.TimeDouble, 0, 100, 5).Header;

        Feed(circuit, new ErrorResponse(1, Eca.Badcount.Value, request, "bad count").ToBytes(), T0);

        Assert.Equal(["error cid 1 ECA_BADCOUNT ReadNotify ioid 5 'bad count'"], handler.Calls);
    }

    [Fact]
    public void A_search_reply_from_a_name_server_with_address_all_ones_names_the_circuit_peer()
    {
        var (circuit, handler) = Create();

        Feed(circuit, new SearchResponse(5070, uint.MaxValue, 9, 13).ToBytes(), T0);
        Feed(circuit, new SearchResponse(5071, 0x0A010203, 10, 13).ToBytes(), T0);

        Assert.Equal(["found 9 at 10.0.0.5:5070 v13", "found 10 at 10.1.2.3:5071 v13"], handler.Calls);
    }

    [Fact]
    public void The_server_version_message_sets_the_minor_version()
    {
        var (circuit, _) = Create(serverVersion: 0);

        Feed(circuit, new VersionResponse(13).ToBytes(), T0);

        Assert.Equal(13, circuit.ServerMinorVersion);
        Assert.True(circuit.SupportsZeroCount);
    }

    [Fact]
    public void An_undecipherable_message_is_a_protocol_error()
    {
        var (circuit, _) = Create();
        var bytes = new byte[16];
        bytes[1] = 99;

        Assert.Throws<CaProtocolException>(() => Feed(circuit, bytes, T0));
    }

    [Fact]
    public void A_quiet_circuit_is_probed_with_an_echo_after_the_connection_timeout()
    {
        var (circuit, _) = Create();
        circuit.Start(T0);
        circuit.Outbox.Drain();

        Assert.Equal(CircuitWatchdogAction.None, circuit.PollWatchdog(T0 + TimeSpan.FromSeconds(29.9)));
        Assert.Equal(CircuitWatchdogAction.EchoSent, circuit.PollWatchdog(T0 + TimeSpan.FromSeconds(30)));
        Assert.Equal("00 17 00 00 00 00 00 00 00 00 00 00 00 00 00 00", Hex.Of(circuit.Outbox.Drain()));
        Assert.Equal(T0 + TimeSpan.FromSeconds(35), circuit.WatchdogDue);
    }

    [Fact]
    public void An_unanswered_echo_makes_the_circuit_unresponsive_after_the_echo_timeout()
    {
        var (circuit, _) = Create();
        circuit.Start(T0);
        circuit.PollWatchdog(T0 + TimeSpan.FromSeconds(30));

        Assert.Equal(CircuitWatchdogAction.None, circuit.PollWatchdog(T0 + TimeSpan.FromSeconds(34.9)));
        Assert.Equal(CircuitWatchdogAction.Unresponsive, circuit.PollWatchdog(T0 + TimeSpan.FromSeconds(35)));
    }

    [Fact]
    public void Anything_heard_from_the_server_answers_the_echo_and_restarts_the_watchdog()
    {
        var (circuit, _) = Create();
        circuit.Start(T0);
        circuit.PollWatchdog(T0 + TimeSpan.FromSeconds(30));

        Feed(circuit, new EchoMessage().ToBytes(), T0 + TimeSpan.FromSeconds(31));

        Assert.False(circuit.EchoPending);
        Assert.Equal(T0 + TimeSpan.FromSeconds(61), circuit.WatchdogDue);
        Assert.Equal(CircuitWatchdogAction.None, circuit.PollWatchdog(T0 + TimeSpan.FromSeconds(40)));
    }

    [Fact]
    public void The_connection_timeout_is_the_one_configured()
    {
        var (circuit, _) = Create(Options with { ConnectionTimeout = TimeSpan.FromSeconds(2) });
        circuit.Start(T0);

        Assert.Equal(T0 + TimeSpan.FromSeconds(2), circuit.WatchdogDue);
    }

    [Fact]
    public void Reads_falling_behind_ten_times_in_a_row_send_events_off_and_catching_up_sends_events_on()
    {
        var (circuit, _) = Create();

        for (var i = 0; i < ClientCircuit.ContiguousReadsForFlowControl - 1; i++)
        {
            circuit.AfterRead(bytesPending: true);
        }

        Assert.Empty(circuit.Outbox.Drain());
        circuit.AfterRead(bytesPending: true);
        circuit.AfterRead(bytesPending: true);
        Assert.Equal("00 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00", Hex.Of(circuit.Outbox.Drain()));
        Assert.True(circuit.FlowControlActive);

        circuit.AfterRead(bytesPending: false);
        Assert.Equal("00 09 00 00 00 00 00 00 00 00 00 00 00 00 00 00", Hex.Of(circuit.Outbox.Drain()));
        Assert.False(circuit.FlowControlActive);
    }

    [Fact]
    public void A_read_that_catches_up_restarts_the_count_towards_flow_control()
    {
        var (circuit, _) = Create();

        for (var i = 0; i < 3 * ClientCircuit.ContiguousReadsForFlowControl; i++)
        {
            circuit.AfterRead(bytesPending: i % ClientCircuit.ContiguousReadsForFlowControl != 0);
        }

        Assert.Empty(circuit.Outbox.Drain());
    }

    private sealed class RecordingHandler : IClientCircuitHandler
    {
        public List<string> Calls { get; } = [];

        public DbrValue? LastValue { get; private set; }

        public void OnAccessRights(uint cid, AccessRights rights) => Calls.Add($"rights {cid} {rights}");

        public void OnChannelCreated(uint cid, uint sid, ushort nativeType, uint count) => Calls.Add($"created {cid} sid {sid} type {nativeType} count {count}");

        public void OnChannelCreateFailed(uint cid) => Calls.Add($"create failed {cid}");

        public void OnServerDisconnected(uint cid) => Calls.Add($"server disconnected {cid}");

        public void OnReadCompleted(uint ioid, EcaStatus status, DbrValue? value, string? error)
        {
            LastValue = value;
            Calls.Add($"read {ioid} {status.Name}{Describe(value)}");
        }

        public void OnWriteCompleted(uint ioid, EcaStatus status) => Calls.Add($"write {ioid} {status.Name}");

        public void OnSubscriptionUpdate(uint subscriptionId, EcaStatus status, DbrValue? value, string? error) =>
            Calls.Add($"update {subscriptionId} {status.Name}{Describe(value)}");

        public void OnError(ErrorResponse error) =>
            Calls.Add($"error cid {error.Cid} {error.EcaStatus.Name} {error.Request.Command} ioid {error.Request.Parameter2} '{error.Text}'");

        public void OnSearchReply(uint cid, IPEndPoint server, ushort minorVersion) => Calls.Add($"found {cid} at {server} v{minorVersion}");

        public void OnOversizedResponse(CaHeader header) => Calls.Add($"oversized {header.Command} {header.PayloadSize}");

        private static string Describe(DbrValue? value) =>
            value is null ? string.Empty : $" {value.GetDouble()}@{value.Timestamp.SecondsPastEpoch}.{value.Timestamp.Nanoseconds}";
    }
}
