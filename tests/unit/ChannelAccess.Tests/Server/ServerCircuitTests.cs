using System.Buffers.Binary;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Server;

/// <summary>The circuit state machine without sockets: requests in, replies out, byte for byte where it matters.</summary>
public class ServerCircuitTests
{
    private static readonly int Normal = Eca.Normal.Value;

    [Fact]
    public void A_new_circuit_sends_the_server_version_first()
    {
        using var harness = new CircuitHarness();
        var reply = Assert.Single(harness.Take());
        Assert.Equal("00 00 00 00 00 00 00 0d 00 00 00 00 00 00 00 00", Hex.Of(reply.Bytes()));
    }

    [Fact]
    public void Client_version_name_and_host_get_no_reply_and_set_the_identity()
    {
        using var harness = CircuitHarness.Connected();
        Assert.Empty(harness.Take());
        Assert.Equal("tester", harness.Circuit.Client.UserName);
        Assert.Equal("testhost", harness.Circuit.Client.HostName);
        Assert.Equal(CaProtocol.MinorVersion, harness.Circuit.ClientMinorVersion);
    }

    [Fact]
    public void Create_channel_answers_access_rights_then_the_native_type_count_cid_and_sid()
    {
        using var harness = CircuitHarness.Connected();
        harness.Send(new CreateChanRequest("TEST:WAVE", 7, CaProtocol.MinorVersion));
        var replies = harness.Take();
        Assert.Equal(2, replies.Count);
        Assert.Equal("00 16 00 00 00 00 00 00 00 00 00 07 00 00 00 03", Hex.Of(replies[0].Bytes()));
        var create = replies[1].As<CreateChanResponse>();
        Assert.Equal((ushort)DbrType.Double, create.DataType);
        Assert.Equal(10u, create.Count);
        Assert.Equal(7u, create.Cid);
        Assert.NotEqual(0u, create.Sid);
    }

    [Fact]
    public void Create_channel_of_an_unknown_name_fails_with_create_ch_fail()
    {
        using var harness = CircuitHarness.Connected();
        harness.Send(new CreateChanRequest("NO:SUCH:PV", 9, CaProtocol.MinorVersion));
        var reply = Assert.Single(harness.Take());
        Assert.Equal("00 1a 00 00 00 00 00 00 00 00 00 09 00 00 00 00", Hex.Of(reply.Bytes()));
    }

    [Fact]
    public void The_same_pv_created_twice_on_a_circuit_gets_two_server_ids()
    {
        using var harness = CircuitHarness.Connected();
        var first = harness.Create("TEST:DOUBLE", 1);
        var second = harness.Create("TEST:DOUBLE", 2);
        Assert.NotEqual(first, second);
        Assert.Equal(2, harness.Circuit.ChannelCount);

        harness.Send(new ReadNotifyRequest((ushort)DbrType.Double, 1, first, 10), new ReadNotifyRequest((ushort)DbrType.Double, 1, second, 11));
        var replies = harness.Take();
        Assert.Equal([10u, 11u], replies.Select(r => r.Header.Parameter2));
        Assert.All(replies, r => Assert.Equal(3.14159, r.Value().GetDouble()));
    }

    [Fact]
    public void Read_notify_replies_with_status_normal_in_p1_and_the_ioid_in_p2()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:DOUBLE", 1);
        harness.Send(new ReadNotifyRequest((ushort)DbrType.Double, 1, sid, 0x1234));
        var reply = Assert.Single(harness.Take());
        Assert.Equal("00 0f 00 08 00 06 00 01 00 00 00 01 00 00 12 34 40 09 21 f9 f0 1b 86 6e", Hex.Of(reply.Bytes()));
    }

    [Fact]
    public void Count_zero_reads_the_current_length()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:WAVE", 1);
        harness.Send(new ReadNotifyRequest((ushort)DbrType.Double, 0, sid, 1));
        var reply = Assert.Single(harness.Take());
        Assert.Equal(5u, reply.Header.DataCount);
        Assert.Equal(40u, reply.Header.PayloadSize);
        Assert.Equal(new[] { 1.0, 2, 3, 4, 5 }, (double[])reply.Value().Values);
    }

    [Fact]
    public void Count_zero_of_an_empty_array_replies_count_zero_with_one_zeroed_element()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:EMPTY", 1);
        harness.Send(new ReadNotifyRequest((ushort)DbrType.TimeDouble, 0, sid, 1));
        var reply = Assert.Single(harness.Take());
        Assert.Equal(0u, reply.Header.DataCount);
        Assert.Equal(24u, reply.Header.PayloadSize);
        Assert.Equal(Normal, (int)reply.Header.Parameter1);
    }

    [Fact]
    public void A_read_beyond_the_current_length_is_padded_with_zeros()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:WAVE", 1);
        harness.Send(new ReadNotifyRequest((ushort)DbrType.Long, 8, sid, 1));
        var reply = Assert.Single(harness.Take());
        Assert.Equal(8u, reply.Header.DataCount);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 0, 0, 0 }, (int[])reply.Value().Values);
    }

    [Fact]
    public void A_read_of_more_than_nelm_elements_is_refused_with_ecabadcount()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:WAVE", 3);
        var request = new ReadNotifyRequest((ushort)DbrType.Double, 11, sid, 5);
        harness.Send(request);
        var error = Assert.Single(harness.Take()).As<ErrorResponse>();
        Assert.Equal(Eca.Badcount, error.EcaStatus);
        Assert.Equal(3u, error.Cid);
        Assert.Equal(request.Header, error.Request);
        Assert.Equal(CircuitStatus.Open, harness.Send(new EchoMessage()));
    }

    [Fact]
    public void A_read_of_an_invalid_dbr_type_is_refused_with_ecabadtype_carrying_the_request()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:DOUBLE", 3);
        var request = new ReadNotifyRequest(39, 1, sid, 5);
        harness.Send(request);
        var reply = Assert.Single(harness.Take());
        var error = reply.As<ErrorResponse>();
        Assert.Equal(Eca.Badtype, error.EcaStatus);
        Assert.Equal(request.Header, error.Request);
        Assert.Equal(Hex.Of(request.ToBytes()), Hex.Of(reply.Payload.AsSpan(0, 16)));
    }

    [Fact]
    public void A_request_for_an_unknown_server_id_is_refused_with_ecabadchid_and_the_circuit_goes_on()
    {
        using var harness = CircuitHarness.Connected();
        harness.Send(new ReadNotifyRequest((ushort)DbrType.Double, 1, 999, 5));
        var error = Assert.Single(harness.Take()).As<ErrorResponse>();
        Assert.Equal(Eca.Badchid, error.EcaStatus);
        Assert.Equal(uint.MaxValue, error.Cid);
        Assert.False(harness.Circuit.IsClosed);
        var sid = harness.Create("TEST:DOUBLE", 1);
        Assert.NotEqual(0u, sid);
    }

    [Fact]
    public void A_read_without_read_access_replies_ecanordaccess_with_zeroed_data()
    {
        using var harness = CircuitHarness.Connected();
        harness.Send(new CreateChanRequest("TEST:HIDDEN", 4, CaProtocol.MinorVersion));
        var create = harness.Take();
        Assert.Equal(AccessRights.None, create[0].As<AccessRightsResponse>().Rights);
        var sid = create[1].As<CreateChanResponse>().Sid;

        harness.Send(new ReadNotifyRequest((ushort)DbrType.Double, 1, sid, 8));
        var reply = Assert.Single(harness.Take());
        Assert.Equal(CaCommand.ReadNotify, reply.Command);
        Assert.Equal(Eca.Nordaccess.Value, (int)reply.Header.Parameter1);
        Assert.Equal(8u, reply.Header.Parameter2);
        Assert.All(reply.Payload, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Read_only_pvs_grant_read_access_only()
    {
        using var harness = CircuitHarness.Connected();
        harness.Send(new CreateChanRequest("TEST:RO", 4, CaProtocol.MinorVersion));
        Assert.Equal(AccessRights.Read, harness.Take()[0].As<AccessRightsResponse>().Rights);
    }

    [Fact]
    public void Write_stores_the_value_and_sends_nothing_back()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:DOUBLE", 1);
        harness.Send(WriteRequest.For(DbrType.Double, DbrValue.Of(4.5), sid, 1));
        Assert.Empty(harness.Take());
        Assert.Equal(4.5, harness.Provider["TEST:DOUBLE"].Read().GetDouble());
    }

    [Fact]
    public void Write_notify_replies_with_the_status_when_the_write_completes()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:LONG", 1);
        harness.Send(WriteNotifyRequest.For(DbrType.String, DbrValue.Of("17"), sid, 0x42));
        var reply = Assert.Single(harness.Take());
        Assert.Equal("00 13 00 00 00 00 00 01 00 00 00 01 00 00 00 42", Hex.Of(reply.Bytes()));
        Assert.Equal(17, harness.Provider["TEST:LONG"].Read().GetDouble());
    }

    [Fact]
    public async Task Write_notify_completes_only_when_the_write_handler_does_while_other_requests_are_served()
    {
        var moveDone = new TaskCompletionSource<EcaStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = TestPvs.Create();
        provider.AddSoft("TEST:MOTOR", DbrValue.Of(0.0), new SoftPvOptions
        {
            WriteHandler = async (pv, value, client, ct) =>
            {
                pv.Set(value);
                return await moveDone.Task;
            },
        });
        using var harness = CircuitHarness.Connected(provider);
        var motor = harness.Create("TEST:MOTOR", 1);
        var other = harness.Create("TEST:LONG", 2);

        harness.Send(WriteNotifyRequest.For(DbrType.Double, DbrValue.Of(12.0), motor, 100));
        harness.Send(new ReadNotifyRequest((ushort)DbrType.Long, 1, other, 101), new ReadNotifyRequest((ushort)DbrType.Double, 1, motor, 102));
        var meanwhile = harness.Take();
        Assert.Equal([101u, 102u], meanwhile.Select(r => r.Header.Parameter2));
        Assert.Equal(12.0, meanwhile[1].Value().GetDouble());

        moveDone.SetResult(Eca.Normal);
        var done = await harness.WaitForAsync(r => r.Count == 1);
        Assert.Equal(CaCommand.WriteNotify, done[0].Command);
        Assert.Equal(100u, done[0].Header.Parameter2);
        Assert.Equal(Normal, (int)done[0].Header.Parameter1);
    }

    [Fact]
    public async Task A_write_handler_failure_is_reported_in_the_write_notify_reply()
    {
        var provider = TestPvs.Create();
        provider.AddSoft("TEST:FAILING", DbrValue.Of(0.0), new SoftPvOptions
        {
            WriteHandler = async (pv, value, client, ct) =>
            {
                await Task.Yield();
                throw new InvalidOperationException("motor stalled");
            },
        });
        using var harness = CircuitHarness.Connected(provider);
        var sid = harness.Create("TEST:FAILING", 1);
        harness.Send(WriteNotifyRequest.For(DbrType.Double, DbrValue.Of(1.0), sid, 5));
        var reply = Assert.Single(await harness.WaitForAsync(r => r.Count == 1));
        Assert.Equal(Eca.Putfail.Value, (int)reply.Header.Parameter1);
    }

    [Fact]
    public void Writes_without_write_access_are_refused_with_ecanowtaccess()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:RO", 1);
        var write = WriteRequest.For(DbrType.Double, DbrValue.Of(9.0), sid, 1);
        harness.Send(write, WriteNotifyRequest.For(DbrType.Double, DbrValue.Of(9.0), sid, 2));
        var replies = harness.Take();
        var error = replies[0].As<ErrorResponse>();
        Assert.Equal(Eca.Nowtaccess, error.EcaStatus);
        Assert.Equal(1u, error.Cid);
        Assert.Equal(write.Header, error.Request);
        Assert.Equal(Eca.Nowtaccess.Value, replies[1].As<WriteNotifyResponse>().Status);
        Assert.Equal(1.5, harness.Provider["TEST:RO"].Read().GetDouble());
    }

    [Fact]
    public void Unparsable_string_writes_fail_with_ecaputfail_as_dbput_does()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:DOUBLE", 1);
        var enumSid = harness.Create("TEST:ENUM", 2);
        var write = WriteRequest.For(DbrType.String, DbrValue.Of("not a number"), sid, 1);
        harness.Send(write,
            WriteNotifyRequest.For(DbrType.String, DbrValue.Of("1.5e"), sid, 2),
            WriteNotifyRequest.For(DbrType.String, DbrValue.Of("Maybe"), enumSid, 3));
        var replies = harness.Take();
        Assert.Equal(3, replies.Count);
        Assert.Equal(Eca.Putfail, replies[0].As<ErrorResponse>().EcaStatus);
        Assert.Equal(write.Header, replies[0].As<ErrorResponse>().Request);
        Assert.Equal(Eca.Putfail.Value, replies[1].As<WriteNotifyResponse>().Status);
        Assert.Equal(Eca.Putfail.Value, replies[2].As<WriteNotifyResponse>().Status);
        Assert.Equal(3.14159, harness.Provider["TEST:DOUBLE"].Read().GetDouble());
    }

    [Fact]
    public void String_writes_to_an_enum_match_its_labels_and_numbers_are_clamped_to_drive_limits()
    {
        using var harness = CircuitHarness.Connected();
        var enumSid = harness.Create("TEST:ENUM", 1);
        var doubleSid = harness.Create("TEST:DOUBLE", 2);
        harness.Send(WriteNotifyRequest.For(DbrType.String, DbrValue.Of("Fault"), enumSid, 1), WriteNotifyRequest.For(DbrType.Double, DbrValue.Of(7.0), doubleSid, 2));
        Assert.All(harness.Take(), r => Assert.Equal(Normal, r.As<WriteNotifyResponse>().Status));
        Assert.Equal((ushort)2, ((ushort[])harness.Provider["TEST:ENUM"].Read().Values)[0]);
        Assert.Equal(5.0, harness.Provider["TEST:DOUBLE"].Read().GetDouble());
    }

    [Fact]
    public void Event_add_sends_the_current_value_at_once_then_updates_of_its_mask()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:LONG", 1);
        harness.Send(new EventAddRequest((ushort)DbrType.TimeLong, 1, sid, 77, EventMask.Value | EventMask.Alarm));
        var first = Assert.Single(harness.Take());
        Assert.Equal(CaCommand.EventAdd, first.Command);
        Assert.Equal(77u, first.Header.Parameter2);
        Assert.Equal(Normal, (int)first.Header.Parameter1);
        Assert.Equal(42, first.Value().GetDouble());
        Assert.Equal(TestPvs.Stamp, first.Value().Timestamp);

        var pv = (SoftPv)harness.Provider["TEST:LONG"];
        pv.SetValue(43);
        pv.SetAlarm(AlarmStatus.HiHi, AlarmSeverity.Major);
        var updates = harness.Take();
        Assert.Equal(2, updates.Count);
        Assert.Equal(43, updates[0].Value().GetDouble());
        Assert.Equal(AlarmSeverity.Major, updates[1].Value().Severity);
    }

    [Fact]
    public void Updates_outside_the_mask_are_not_sent()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:LONG", 1);
        harness.Send(new EventAddRequest((ushort)DbrType.Long, 1, sid, 1, EventMask.Alarm));
        harness.Take();
        var pv = (SoftPv)harness.Provider["TEST:LONG"];
        pv.SetValue(50);
        Assert.Empty(harness.Take());
        pv.SetAlarm(AlarmStatus.State, AlarmSeverity.Minor);
        Assert.Single(harness.Take());
    }

    [Fact]
    public void Deadbands_decide_which_subscriptions_see_a_change()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:DEADBAND", 1);
        harness.Send(new EventAddRequest((ushort)DbrType.Double, 1, sid, 1, EventMask.Value), new EventAddRequest((ushort)DbrType.Double, 1, sid, 2, EventMask.Log));
        Assert.Equal(2, harness.Take().Count);
        var pv = (SoftPv)harness.Provider["TEST:DEADBAND"];

        foreach (var value in new[] { 0.5, 1.5, 2.0, 3.0, 6.0 })
        {
            pv.SetValue(value);
        }

        var updates = harness.Take();
        Assert.Equal([1.5, 3.0, 6.0], updates.Where(u => u.Header.Parameter2 == 1).Select(u => u.Value().GetDouble()));
        Assert.Equal([6.0], updates.Where(u => u.Header.Parameter2 == 2).Select(u => u.Value().GetDouble()));
    }

    [Fact]
    public void Event_add_with_mask_zero_is_refused_with_ecabadmask()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:LONG", 6);
        var request = new EventAddRequest((ushort)DbrType.Long, 1, sid, 1, EventMask.None);
        harness.Send(request);
        var error = Assert.Single(harness.Take()).As<ErrorResponse>();
        Assert.Equal(Eca.Badmask, error.EcaStatus);
        Assert.Equal(6u, error.Cid);
        Assert.Equal(request.Header, error.Request);
        ((SoftPv)harness.Provider["TEST:LONG"]).SetValue(1);
        Assert.Empty(harness.Take());
    }

    [Fact]
    public void Event_cancel_is_confirmed_by_an_event_add_reply_without_payload_and_stops_updates()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:LONG", 1);
        harness.Send(new EventAddRequest((ushort)DbrType.TimeLong, 1, sid, 5, EventMask.Value));
        harness.Take();
        harness.Send(new EventCancelRequest((ushort)DbrType.TimeLong, 1, sid, 5));
        var reply = Assert.Single(harness.Take());
        Assert.Equal(new CaHeader(CaCommand.EventAdd, 0, (ushort)DbrType.TimeLong, 1, sid, 5), reply.Header);
        ((SoftPv)harness.Provider["TEST:LONG"]).SetValue(99);
        Assert.Empty(harness.Take());
        Assert.Equal(0, ((SoftPv)harness.Provider["TEST:LONG"]).SubscriberCount);
    }

    [Fact]
    public void Several_subscriptions_on_one_channel_each_get_their_own_type()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:DOUBLE", 1);
        harness.Send(
            new EventAddRequest((ushort)DbrType.Double, 1, sid, 1, EventMask.Value),
            new EventAddRequest((ushort)DbrType.String, 1, sid, 2, EventMask.Value),
            new EventAddRequest((ushort)DbrType.CtrlDouble, 1, sid, 3, EventMask.Value));
        Assert.Equal(3, harness.Take().Count);
        ((SoftPv)harness.Provider["TEST:DOUBLE"]).SetValue(1.23456);
        var updates = harness.Take();
        Assert.Equal([1u, 2u, 3u], updates.Select(u => u.Header.Parameter2));
        Assert.Equal("1.235", updates[1].Value().GetString());
        Assert.Equal("mm", updates[2].Value().Units);

        harness.Send(new EventCancelRequest((ushort)DbrType.String, 1, sid, 2));
        harness.Take();
        ((SoftPv)harness.Provider["TEST:DOUBLE"]).SetValue(2);
        Assert.Equal([1u, 3u], harness.Take().Select(u => u.Header.Parameter2));
    }

    [Fact]
    public void Events_off_keeps_only_the_latest_update_of_each_subscription_until_events_on()
    {
        using var harness = CircuitHarness.Connected();
        var longSid = harness.Create("TEST:LONG", 1);
        var doubleSid = harness.Create("TEST:DOUBLE", 2);
        harness.Send(new EventAddRequest((ushort)DbrType.Long, 1, longSid, 1, EventMask.Value), new EventAddRequest((ushort)DbrType.Double, 1, doubleSid, 2, EventMask.Value));
        harness.Take();

        harness.Send(new EventsOffRequest());
        var longPv = (SoftPv)harness.Provider["TEST:LONG"];
        var doublePv = (SoftPv)harness.Provider["TEST:DOUBLE"];
        for (var i = 0; i < 100; i++)
        {
            longPv.SetValue(i);
            doublePv.SetValue(i / 100.0);
        }

        Assert.Empty(harness.Take());
        harness.Send(new EventsOnRequest());
        var updates = harness.Take();
        Assert.Equal(2, updates.Count);
        Assert.Equal(99, updates.Single(u => u.Header.Parameter2 == 1).Value().GetDouble());
        Assert.Equal(0.99, updates.Single(u => u.Header.Parameter2 == 2).Value().GetDouble());
    }

    [Fact]
    public void Updates_are_queued_in_order_while_the_sender_is_busy()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:LONG", 1);
        harness.Send(new EventAddRequest((ushort)DbrType.Long, 1, sid, 1, EventMask.Value));
        harness.Take();
        var pv = (SoftPv)harness.Provider["TEST:LONG"];
        for (var i = 0; i < 5000; i++)
        {
            pv.SetValue(i);
        }

        var updates = harness.Take();
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (double)i), updates.Select(u => u.Value().GetDouble()));
    }

    [Fact]
    public void Clear_channel_is_confirmed_and_drops_its_subscriptions()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:LONG", 3);
        harness.Send(new EventAddRequest((ushort)DbrType.Long, 1, sid, 1, EventMask.Value));
        harness.Take();
        harness.Send(new ClearChannelRequest(sid, 3));
        var reply = Assert.Single(harness.Take()).As<ClearChannelResponse>();
        Assert.Equal(new ClearChannelResponse(sid, 3), reply);
        Assert.Equal(0, harness.Circuit.ChannelCount);
        ((SoftPv)harness.Provider["TEST:LONG"]).SetValue(1);
        Assert.Empty(harness.Take());
        Assert.Equal(0, ((SoftPv)harness.Provider["TEST:LONG"]).SubscriberCount);
    }

    [Fact]
    public void Echo_and_read_sync_are_sent_back()
    {
        using var harness = CircuitHarness.Connected();
        harness.Send(new EchoMessage(), new ReadSyncRequest());
        var replies = harness.Take();
        Assert.Equal([CaCommand.Echo, CaCommand.ReadSync], replies.Select(r => r.Command));
        Assert.All(replies, r => Assert.Equal(16, r.Bytes().Length));
    }

    [Fact]
    public void Search_over_tcp_with_do_reply_answers_not_found_for_unknown_names()
    {
        using var harness = CircuitHarness.Connected();
        harness.Send(new SearchRequest("NO:SUCH", 12, CaProtocol.DoReply, 13), new SearchRequest("NO:SUCH", 13, CaProtocol.DontReply, 13), new SearchRequest("TEST:LONG", 14, CaProtocol.DontReply, 13));
        var replies = harness.Take();
        Assert.Equal(2, replies.Count);
        Assert.Equal("00 0e 00 00 00 0a 00 0d 00 00 00 0c 00 00 00 0c", Hex.Of(replies[0].Bytes()));
        Assert.Equal("00 06 00 00 13 c8 00 00 ff ff ff ff 00 00 00 0e", Hex.Of(replies[1].Bytes()));
    }

    [Fact]
    public void Requests_split_across_reads_are_handled_when_complete()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:DOUBLE", 1);
        var bytes = new ReadNotifyRequest((ushort)DbrType.Double, 1, sid, 9).ToBytes().Concat(new EchoMessage().ToBytes()).ToArray();
        foreach (var b in bytes)
        {
            harness.SendBytes([b]);
        }

        Assert.Equal([CaCommand.ReadNotify, CaCommand.Echo], harness.Take().Select(r => r.Command));
    }

    [Fact]
    public void A_misaligned_message_closes_the_circuit_after_an_ecainternal_error()
    {
        using var harness = CircuitHarness.Connected();
        var bytes = new EchoMessage().ToBytes();
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), 4);
        Assert.Equal(CircuitStatus.Closed, harness.SendBytes([.. bytes, 0, 0, 0, 0]));
        var error = Assert.Single(harness.Take()).As<ErrorResponse>();
        Assert.Equal(Eca.Internal, error.EcaStatus);
        Assert.Contains("Missaligned", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_command_closes_the_circuit_after_an_ecainternal_error()
    {
        using var harness = CircuitHarness.Connected();
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, 99);
        Assert.Equal(CircuitStatus.Closed, harness.SendBytes(bytes));
        var error = Assert.Single(harness.Take()).As<ErrorResponse>();
        Assert.Equal(Eca.Internal, error.EcaStatus);
        Assert.Equal(99, (int)error.Request.Command);
        Assert.True(harness.Circuit.IsClosed);
    }

    [Fact]
    public void An_oversized_request_is_refused_with_ecatolarge_and_skipped()
    {
        using var harness = CircuitHarness.Connected(options: new ServerCircuitOptions { MaxArrayBytes = 16384 });
        var sid = harness.Create("TEST:WAVE", 1);
        var big = new byte[16 + 32768];
        new CaHeader(CaCommand.Write, 32768, (ushort)DbrType.Double, 4096, sid, 1).Write(big);
        Assert.Equal(CircuitStatus.Open, harness.SendBytes(big.AsSpan(0, 1000)));
        var error = Assert.Single(harness.Take()).As<ErrorResponse>();
        Assert.Equal(Eca.Tolarge, error.EcaStatus);
        Assert.Equal(CircuitStatus.Open, harness.SendBytes(big.AsSpan(1000)));
        harness.Send(new ReadNotifyRequest((ushort)DbrType.Double, 1, sid, 2));
        Assert.Equal(CaCommand.ReadNotify, Assert.Single(harness.Take()).Command);
        Assert.Equal(1.0, harness.Provider["TEST:WAVE"].Read().GetDouble());
    }

    [Fact]
    public void A_write_whose_payload_is_shorter_than_its_count_closes_the_circuit()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:WAVE", 1);
        var bytes = new byte[16 + 8];
        new CaHeader(CaCommand.Write, 8, (ushort)DbrType.Double, 5, sid, 1).Write(bytes);
        Assert.Equal(CircuitStatus.Closed, harness.SendBytes(bytes));
        Assert.Equal(Eca.Internal, Assert.Single(harness.Take()).As<ErrorResponse>().EcaStatus);
    }

    [Fact]
    public void An_event_add_without_its_mask_closes_the_circuit()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:LONG", 1);
        var bytes = new byte[16 + 8];
        new CaHeader(CaCommand.EventAdd, 8, (ushort)DbrType.Long, 1, sid, 1).Write(bytes);
        Assert.Equal(CircuitStatus.Closed, harness.SendBytes(bytes));
    }

    [Fact]
    public void Disposing_the_circuit_unsubscribes_from_every_pv()
    {
        var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:LONG", 1);
        harness.Send(new EventAddRequest((ushort)DbrType.Long, 1, sid, 1, EventMask.Value), new EventAddRequest((ushort)DbrType.Long, 1, sid, 2, EventMask.Log));
        var pv = (SoftPv)harness.Provider["TEST:LONG"];
        Assert.Equal(2, pv.SubscriberCount);
        harness.Dispose();
        Assert.Equal(0, pv.SubscriberCount);
    }
}
