using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Server;

/// <summary>UDP search datagrams answered byte for byte as rsrv's cast server answers them.</summary>
public class SearchResponderTests
{
    private readonly SearchResponder _responder = new(TestPvs.Create(), () => 5064);

    [Fact]
    public void A_version_prefixed_search_for_a_served_name_gets_version_then_a_search_reply_with_payload_8()
    {
        var datagram = Datagram(new VersionRequest(0, 13) { }, new SearchRequest("TEST:LONG", 0x21, CaProtocol.DontReply, 13));
        var reply = Assert.Single(_responder.Respond(datagram));
        Assert.Equal(
            "00 00 00 00 00 01 00 0d 00 00 00 00 00 00 00 00 " +
            "00 06 00 08 13 c8 00 00 ff ff ff ff 00 00 00 21 00 0d 00 00 00 00 00 00",
            Hex.Of(reply));
    }

    [Fact]
    public void The_version_reply_carries_the_client_sequence_number()
    {
        var version = new byte[16];
        new CaHeader(CaCommand.Version, 0, 0, 13, 0xABCD, 0).Write(version);
        var reply = Assert.Single(_responder.Respond([.. version, .. new SearchRequest("TEST:LONG", 1, CaProtocol.DontReply, 13).ToBytes()]));
        Assert.Equal("00 00 00 00 00 01 00 0d 00 00 ab cd 00 00 00 00", Hex.Of(reply.AsSpan(0, 16)));
    }

    [Fact]
    public void Unknown_names_get_no_reply_even_when_the_client_asks_for_one()
    {
        var datagram = Datagram(new VersionRequest(0, 13), new SearchRequest("NO:SUCH", 1, CaProtocol.DoReply, 13), new SearchRequest("NOR:THIS", 2, CaProtocol.DontReply, 13));
        Assert.Empty(_responder.Respond(datagram));
    }

    [Fact]
    public void Searches_without_a_version_first_are_ignored_as_base_since_3_16_1_does()
    {
        Assert.Empty(_responder.Respond(new SearchRequest("TEST:LONG", 1, CaProtocol.DontReply, 13).ToBytes()));
        Assert.NotNull(_responder.LastIgnoredReason);
    }

    [Fact]
    public void Only_the_served_names_of_a_datagram_are_answered_in_order()
    {
        var datagram = Datagram(
            new VersionRequest(0, 13),
            new SearchRequest("TEST:LONG", 1, CaProtocol.DontReply, 13),
            new SearchRequest("NO:SUCH", 2, CaProtocol.DontReply, 13),
            new SearchRequest("TEST:DOUBLE", 3, CaProtocol.DontReply, 13));
        var reply = Assert.Single(_responder.Respond(datagram));
        var replies = new ReplyParser().Feed(reply);
        Assert.Equal([CaCommand.Version, CaCommand.Search, CaCommand.Search], replies.Select(r => r.Command));
        Assert.Equal([1u, 3u], replies.Skip(1).Select(r => r.As<SearchResponse>().Cid));
    }

    [Fact]
    public void Clients_before_4_11_get_no_version_header()
    {
        var reply = Assert.Single(_responder.Respond(Datagram(new VersionRequest(0, 10), new SearchRequest("TEST:LONG", 5, CaProtocol.DontReply, 10))));
        Assert.Equal(24, reply.Length);
        Assert.Equal(CaCommand.Search, new ReplyParser().Feed(reply)[0].Command);
    }

    [Fact]
    public void Many_replies_are_split_into_datagrams_of_at_most_1024_bytes()
    {
        var messages = new List<CaMessage> { new VersionRequest(0, 13) };
        for (uint cid = 0; cid < 100; cid++)
        {
            messages.Add(new SearchRequest("TEST:LONG", cid, CaProtocol.DontReply, 13));
        }

        var replies = _responder.Respond(Datagram([.. messages]));
        Assert.All(replies, r => Assert.True(r.Length <= SearchResponder.MaxReplyDatagram));
        var cids = replies.SelectMany(r => new ReplyParser().Feed(r)).Where(r => r.Command == CaCommand.Search).Select(r => r.Header.Parameter2);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (uint)i), cids);
        Assert.All(replies, r => Assert.Equal(CaCommand.Version, new ReplyParser().Feed(r)[0].Command));
    }

    [Fact]
    public void Other_commands_misaligned_or_truncated_messages_end_the_datagram_silently()
    {
        var good = Datagram(new VersionRequest(0, 13), new SearchRequest("TEST:LONG", 1, CaProtocol.DontReply, 13));
        Assert.Single(_responder.Respond([.. good, .. new EchoMessage().ToBytes(), .. new SearchRequest("TEST:DOUBLE", 2, CaProtocol.DontReply, 13).ToBytes()]));
        Assert.Single(_responder.Respond([.. good, .. good.AsSpan(16, 24)]));
        Assert.Contains("truncated", _responder.LastIgnoredReason, StringComparison.Ordinal);
        Assert.Empty(_responder.Respond([.. good.AsSpan(0, 16), 0, 6, 0, 3, 0, 5, 0, 13, 0, 0, 0, 1, 0, 0, 0, 1, 65, 66, 0]));
    }

    private static byte[] Datagram(params CaMessage[] messages) => [.. messages.SelectMany(m => m.ToBytes())];
}
