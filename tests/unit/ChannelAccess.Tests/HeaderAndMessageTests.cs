using System.Buffers;

namespace Hyperion.ChannelAccess.Tests;

public class HeaderAndMessageTests
{
    [Fact]
    public void Version_request_is_the_16_byte_header_base_sends_first()
    {
        Assert.Equal("00 00 00 00 00 00 00 0d 00 00 00 00 00 00 00 00", Hex.Of(new VersionRequest(0, 13).ToBytes()));
    }

    [Fact]
    public void Search_request_pads_the_name_to_8_and_carries_reply_flag_version_and_cid_twice()
    {
        var bytes = new SearchRequest("BL03S-MO-SGON-01:X", 7, CaProtocol.DontReply, 13).ToBytes();
        // "BL03S-MO-SGON-01:X" is 18 characters: 19 with the NUL, padded to 24.
        Assert.Equal(
            "00 06 00 18 00 05 00 0d 00 00 00 07 00 00 00 07 " +
            "42 4c 30 33 53 2d 4d 4f 2d 53 47 4f 4e 2d 30 31 3a 58 00 00 00 00 00 00",
            Hex.Of(bytes));
    }

    [Fact]
    public void Search_response_has_payload_8_the_port_and_the_minor_version()
    {
        var bytes = new SearchResponse(5064, 0xFFFFFFFF, 7, 13).ToBytes();
        Assert.Equal("00 06 00 08 13 c8 00 00 ff ff ff ff 00 00 00 07 00 0d 00 00 00 00 00 00", Hex.Of(bytes));
    }

    [Fact]
    public void Event_add_request_puts_the_mask_after_three_unused_floats()
    {
        var bytes = new EventAddRequest((ushort)DbrType.TimeDouble, 1, 3, 9, EventMask.Value | EventMask.Alarm).ToBytes();
        Assert.Equal(
            "00 01 00 10 00 14 00 01 00 00 00 03 00 00 00 09 00 00 00 00 00 00 00 00 00 00 00 00 00 05 00 00",
            Hex.Of(bytes));
    }

    [Fact]
    public void Large_payloads_use_the_extended_header()
    {
        var values = Enumerable.Range(0, 100_000).Select(i => (double)i).ToArray();
        var message = new ReadNotifyResponse((ushort)DbrType.Double, 100_000, Eca.Normal.Value, 42, DbrCodec.Encode(DbrType.Double, DbrValue.Of(values), values.Length));
        var bytes = message.ToBytes();
        Assert.Equal("00 0f ff ff 00 06 00 00 00 00 00 01 00 00 00 2a 00 0c 35 00 00 01 86 a0", Hex.Of(bytes.AsSpan(0, 24)));
        Assert.Equal(24 + 800_000, bytes.Length);

        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(CaFraming.TryReadFrame(ref buffer, uint.MaxValue, out var frame));
        var decoded = Assert.IsType<ReadNotifyResponse>(CaMessageDecoder.Decode(frame, CaDirection.FromServer));
        Assert.Equal(100_000u, decoded.Count);
        Assert.Equal(99_999.0, ((double[])decoded.Decode().Values)[^1]);
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void Extended_header_is_accepted_on_any_command()
    {
        // An ECHO written in the extended form (payload field 0xFFFF, count 0, then 32-bit payload 0 and count 0).
        var bytes = Hex.Parse("00 17 ff ff 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
        Assert.True(CaHeader.TryRead(bytes, out var header, out var size));
        Assert.Equal(24, size);
        Assert.Equal(CaCommand.Echo, header.Command);
        Assert.Equal(0u, header.PayloadSize);
    }

    [Fact]
    public void A_message_split_across_reads_is_framed_only_when_complete()
    {
        var bytes = new CreateChanRequest("BL03S-EA-DET-01:CAM:AcquireTime", 5, 13).ToBytes()
            .Concat(new EchoMessage().ToBytes()).ToArray();
        var received = new List<byte>();
        var frames = new List<CaFrame>();
        foreach (var b in bytes)
        {
            received.Add(b);
            var buffer = new ReadOnlySequence<byte>(received.ToArray());
            while (CaFraming.TryReadFrame(ref buffer, 16384, out var frame))
            {
                frames.Add(frame);
                received.RemoveRange(0, received.Count - (int)buffer.Length);
                buffer = new ReadOnlySequence<byte>(received.ToArray());
            }
        }

        Assert.Equal(2, frames.Count);
        var create = Assert.IsType<CreateChanRequest>(CaMessageDecoder.Decode(frames[0], CaDirection.FromClient));
        Assert.Equal("BL03S-EA-DET-01:CAM:AcquireTime", create.Name);
        Assert.Equal(5u, create.Cid);
        Assert.IsType<EchoMessage>(CaMessageDecoder.Decode(frames[1], CaDirection.FromClient));
    }

    [Fact]
    public void An_oversized_payload_is_refused_before_it_is_buffered()
    {
        var header = new byte[16];
        new CaHeader(CaCommand.Write, 0xFFF0, 6, 1, 1, 1).Write(header);
        var buffer = new ReadOnlySequence<byte>(header);
        var error = Assert.Throws<CaProtocolException>(() => CaFraming.TryReadFrame(ref buffer, 16384, out _));
        Assert.Equal(Eca.Tolarge, error.Status);
        Assert.Contains("65520", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<CaMessage, CaDirection> RoundTrips => new()
    {
        { new VersionRequest(1, 13), CaDirection.FromClient },
        { new VersionResponse(13), CaDirection.FromServer },
        { new SearchRequest("PV:NAME", 11, CaProtocol.DoReply, 13), CaDirection.FromClient },
        { new SearchResponse(5064, 0x7F000001, 11, 13), CaDirection.FromServer },
        { new NotFoundResponse(CaProtocol.DoReply, 13, 11), CaDirection.FromServer },
        { new CreateChanRequest("PV:NAME", 3, 13), CaDirection.FromClient },
        { new CreateChanResponse((ushort)DbrType.Double, 1, 3, 99), CaDirection.FromServer },
        { new CreateChFailResponse(3), CaDirection.FromServer },
        { new AccessRightsResponse(3, AccessRights.ReadWrite), CaDirection.FromServer },
        { new ClientNameRequest("operator"), CaDirection.FromClient },
        { new HostNameRequest("ws001"), CaDirection.FromClient },
        { new ReadNotifyRequest((ushort)DbrType.CtrlDouble, 0, 99, 4), CaDirection.FromClient },
        { new EventAddRequest((ushort)DbrType.TimeDouble, 1, 99, 5, EventMask.Value), CaDirection.FromClient },
        { new EventCancelRequest((ushort)DbrType.TimeDouble, 1, 99, 5), CaDirection.FromClient },
        { new EventsOffRequest(), CaDirection.FromClient },
        { new EventsOnRequest(), CaDirection.FromClient },
        { new ReadSyncRequest(), CaDirection.FromClient },
        { new ClearChannelRequest(99, 3), CaDirection.FromClient },
        { new ClearChannelResponse(99, 3), CaDirection.FromServer },
        { new ServerDisconnResponse(3), CaDirection.FromServer },
        { new EchoMessage(), CaDirection.FromServer },
        { new WriteNotifyResponse((ushort)DbrType.Double, 1, Eca.Normal.Value, 8), CaDirection.FromServer },
        { new BeaconMessage(13, 5064, 17, 0x7F000001), CaDirection.FromServer },
        { new RepeaterRegisterRequest(0x7F000001), CaDirection.FromClient },
        { new RepeaterConfirmResponse(0x7F000001), CaDirection.FromServer },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void Every_command_round_trips_through_bytes(CaMessage message, CaDirection direction)
    {
        var frames = CaFraming.ReadDatagram(message.ToBytes());
        var decoded = CaMessageDecoder.Decode(Assert.Single(frames), direction);
        Assert.Equal(message, decoded);
        Assert.Equal(0, message.WireSize % 8);
    }

    [Fact]
    public void Data_messages_round_trip_with_their_values()
    {
        var write = WriteNotifyRequest.For(DbrType.Double, DbrValue.Of(1.5, -2.25), 7, 12);
        var decoded = Assert.IsType<WriteNotifyRequest>(CaMessageDecoder.Decode(Assert.Single(CaFraming.ReadDatagram(write.ToBytes())), CaDirection.FromClient));
        Assert.Equal(new[] { 1.5, -2.25 }, (double[])decoded.Decode().Values);
        Assert.Equal(7u, decoded.Sid);
        Assert.Equal(12u, decoded.Ioid);
    }

    [Fact]
    public void Error_response_carries_the_failed_request_header_and_text()
    {
        var request = new CaHeader(CaCommand.ReadNotify, 0, 99, 1, 5, 6);
        var error = new ErrorResponse(5, Eca.Badtype.Value, request, "bad type");
        var decoded = Assert.IsType<ErrorResponse>(CaMessageDecoder.Decode(Assert.Single(CaFraming.ReadDatagram(error.ToBytes())), CaDirection.FromServer));
        Assert.Equal(request, decoded.Request);
        Assert.Equal("bad type", decoded.Text);
        Assert.Equal(Eca.Badtype, decoded.EcaStatus);
    }

    [Fact]
    public void Unknown_commands_are_reported_with_their_number()
    {
        var bytes = new byte[16];
        new CaHeader((CaCommand)99, 0, 0, 0, 0, 0).Write(bytes);
        var error = Assert.Throws<CaProtocolException>(() => CaMessageDecoder.Decode(Assert.Single(CaFraming.ReadDatagram(bytes)), CaDirection.FromClient));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_datagram_is_an_error()
    {
        var bytes = new SearchRequest("PV", 1, CaProtocol.DontReply, 13).ToBytes();
        Assert.Throws<CaProtocolException>(() => CaFraming.ReadDatagram(bytes.AsMemory(0, bytes.Length - 3)));
    }

    [Theory]
    [InlineData("ECA_NORMAL", 1)]
    [InlineData("ECA_TIMEOUT", 80)]
    [InlineData("ECA_BADTYPE", 114)]
    [InlineData("ECA_INTERNAL", 142)]
    [InlineData("ECA_GETFAIL", 152)]
    [InlineData("ECA_PUTFAIL", 160)]
    [InlineData("ECA_BADCOUNT", 176)]
    [InlineData("ECA_BADSTR", 186)]
    [InlineData("ECA_BADMASK", 330)]
    [InlineData("ECA_NORDACCESS", 368)]
    [InlineData("ECA_NOWTACCESS", 376)]
    [InlineData("ECA_BADCHID", 410)]
    public void Eca_codes_have_base_s_wire_values(string name, int value)
    {
        var status = Eca.FromValue(value);
        Assert.Equal(name, status.Name);
        Assert.Equal(value, status.Value);
    }

    [Fact]
    public void Eca_table_holds_all_61_codes()
    {
        Assert.Equal(61, Eca.All.Count);
        Assert.Equal(Enumerable.Range(0, 61), Eca.All.Select(s => s.Code));
        Assert.True(Eca.Normal.IsSuccess);
        Assert.False(Eca.Putfail.IsSuccess);
    }
}
