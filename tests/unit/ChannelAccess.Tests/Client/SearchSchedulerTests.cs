using System.Buffers.Binary;

namespace Hyperion.ChannelAccess.Tests.Client;

public class SearchSchedulerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    private static List<SearchRequest> Searches(IEnumerable<byte[]> datagrams) =>
        [.. datagrams.SelectMany(d => CaFraming.ReadDatagram(d)).Select(f => CaMessageDecoder.Decode(f, CaDirection.FromClient)).OfType<SearchRequest>()];

    [Fact]
    public void A_new_channel_is_searched_at_once_in_a_datagram_that_starts_with_a_sequenced_version()
    {
        var scheduler = new SearchScheduler(32 * Ms, TimeSpan.FromSeconds(300));
        scheduler.Add(7, "BL03S-MO-SGON-01:X", T0);
        var datagrams = new List<byte[]>();

        scheduler.Poll(T0, datagrams);

        var datagram = Assert.Single(datagrams);
        Assert.Equal(
            "00 00 00 00 00 01 00 0d 00 00 00 01 00 00 00 00 " +
            "00 06 00 18 00 05 00 0d 00 00 00 07 00 00 00 07 " +
            "42 4c 30 33 53 2d 4d 4f 2d 53 47 4f 4e 2d 30 31 3a 58 00 00 00 00 00 00",
            Hex.Of(datagram));
    }

    [Fact]
    public void Each_datagram_gets_the_next_sequence_number()
    {
        var scheduler = new SearchScheduler(32 * Ms, TimeSpan.FromSeconds(300));
        scheduler.Add(1, "A", T0);
        var datagrams = new List<byte[]>();
        scheduler.Poll(T0, datagrams);
        scheduler.Poll(T0 + (32 * Ms), datagrams);

        Assert.Equal([1u, 2u], datagrams.Select(d => BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(8))));
    }

    [Fact]
    public void Many_names_share_each_datagram_of_at_most_1024_bytes()
    {
        var scheduler = new SearchScheduler(32 * Ms, TimeSpan.FromSeconds(300));
        for (uint cid = 1; cid <= 100; cid++)
        {
            scheduler.Add(cid, $"BL03S-MO-PV-{cid:000}", T0);
        }

        var datagrams = new List<byte[]>();
        scheduler.Poll(T0, datagrams);

        Assert.Equal(SearchScheduler.InitialWindow, datagrams.Count);
        Assert.All(datagrams, d => Assert.True(d.Length <= SearchScheduler.MaxDatagramBytes));
        Assert.All(datagrams, d => Assert.IsType<VersionRequest>(CaMessageDecoder.Decode(CaFraming.ReadDatagram(d)[0], CaDirection.FromClient)));
        var searches = Searches(datagrams);
        Assert.Equal(100, searches.Count);
        Assert.Equal(100, searches.Select(s => s.Cid).Distinct().Count());
        Assert.All(searches, s => Assert.Equal(CaProtocol.DontReply, s.Reply));
    }

    [Fact]
    public void An_unanswered_search_is_repeated_at_doubling_intervals_up_to_the_max_period()
    {
        var scheduler = new SearchScheduler(32 * Ms, TimeSpan.FromSeconds(1));
        scheduler.Add(1, "MISSING", T0);
        var sentAt = new List<DateTimeOffset>();
        var now = T0;
        while (sentAt.Count < 9)
        {
            var datagrams = new List<byte[]>();
            var next = scheduler.Poll(now, datagrams);
            if (datagrams.Count > 0)
            {
                sentAt.Add(now);
            }

            now = next!.Value;
        }

        var intervals = sentAt.Zip(sentAt.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        Assert.Equal([32, 64, 128, 256, 512, 1000, 1000, 1000], intervals);
    }

    [Fact]
    public void Nothing_is_sent_before_a_retry_is_due()
    {
        var scheduler = new SearchScheduler(32 * Ms, TimeSpan.FromSeconds(300));
        scheduler.Add(1, "MISSING", T0);
        var datagrams = new List<byte[]>();
        scheduler.Poll(T0, datagrams);
        datagrams.Clear();

        scheduler.Poll(T0 + (31 * Ms), datagrams);

        Assert.Empty(datagrams);
    }

    [Fact]
    public void A_pass_answered_in_full_lets_the_next_go_at_once_with_twice_the_datagrams()
    {
        var scheduler = new SearchScheduler(32 * Ms, TimeSpan.FromSeconds(300));
        for (uint cid = 1; cid <= 1000; cid++)
        {
            scheduler.Add(cid, $"PV:{cid:0000}", T0);
        }

        var first = new List<byte[]>();
        scheduler.Poll(T0, first);
        var answered = Searches(first).Select(s => s.Cid).ToList();
        var completes = answered.Select(cid => scheduler.OnResponse(cid, T0 + Ms)).ToList();
        var second = new List<byte[]>();
        scheduler.Poll(T0 + Ms, second);

        Assert.Equal([.. Enumerable.Repeat(false, answered.Count - 1), true], completes);
        Assert.Equal(SearchScheduler.InitialWindow * 2, second.Count);
        Assert.Empty(Searches(second).Select(s => s.Cid).Intersect(answered));
    }

    [Fact]
    public void A_pass_that_times_out_halves_the_datagrams_of_the_next()
    {
        var scheduler = new SearchScheduler(32 * Ms, TimeSpan.FromSeconds(300));
        for (uint cid = 1; cid <= 1000; cid++)
        {
            scheduler.Add(cid, $"PV:{cid:0000}", T0);
        }

        var datagrams = new List<byte[]>();
        var deadline = scheduler.Poll(T0, datagrams)!.Value;
        datagrams.Clear();
        scheduler.Poll(deadline, datagrams);

        Assert.Equal(SearchScheduler.InitialWindow / 2, scheduler.Window);
        Assert.Equal(SearchScheduler.InitialWindow / 2, datagrams.Count);
    }

    [Fact]
    public void A_pass_of_new_channels_holds_new_channels_back_until_answered_or_timed_out()
    {
        var scheduler = new SearchScheduler(32 * Ms, TimeSpan.FromSeconds(300));
        scheduler.Add(1, "FIRST", T0);
        scheduler.Poll(T0, []);
        scheduler.Add(2, "SECOND", T0 + Ms);
        var datagrams = new List<byte[]>();

        scheduler.Poll(T0 + Ms, datagrams);
        Assert.Empty(datagrams);
        scheduler.OnResponse(1, T0 + (2 * Ms));
        scheduler.Poll(T0 + (2 * Ms), datagrams);

        Assert.Equal(["SECOND"], Searches(datagrams).Select(s => s.Name));
    }

    [Fact]
    public void A_pass_of_retries_does_not_hold_back_a_new_channel()
    {
        var scheduler = new SearchScheduler(32 * Ms, TimeSpan.FromSeconds(300));
        scheduler.Add(1, "MISSING", T0);
        var now = T0;
        while (scheduler.LevelOf(1) < 3)
        {
            now = scheduler.Poll(now, []) ?? now;
        }

        scheduler.Add(2, "NEW", now + Ms);
        var datagrams = new List<byte[]>();
        scheduler.Poll(now + Ms, datagrams);

        Assert.Equal(["NEW"], Searches(datagrams).Select(s => s.Name));
    }

    [Fact]
    public void A_beacon_anomaly_searches_at_once_and_backs_off_from_the_five_second_level()
    {
        var scheduler = new SearchScheduler(32 * Ms, TimeSpan.FromSeconds(300));
        scheduler.Add(1, "LOST", T0);
        var now = T0;
        while (scheduler.LevelOf(1) < 12)
        {
            now = scheduler.Poll(now, []) ?? now;
        }

        var datagrams = new List<byte[]>();
        scheduler.OnBeaconAnomaly(now);
        scheduler.Poll(now, datagrams);
        scheduler.Poll(now + TimeSpan.FromSeconds(1), datagrams);

        Assert.Single(datagrams);
        Assert.Equal(9, scheduler.LevelOf(1));
        Assert.Equal(TimeSpan.FromMilliseconds(32 * 256), scheduler.Period(8));
    }

    [Fact]
    public void A_removed_channel_is_no_longer_searched_for()
    {
        var scheduler = new SearchScheduler(32 * Ms, TimeSpan.FromSeconds(300));
        scheduler.Add(1, "KEEP", T0);
        scheduler.Add(2, "DROP", T0);
        scheduler.Remove(2);
        var datagrams = new List<byte[]>();

        scheduler.Poll(T0, datagrams);

        Assert.Equal(["KEEP"], Searches(datagrams).Select(s => s.Name));
        Assert.Equal(1, scheduler.Count);
    }

    [Fact]
    public void A_channel_added_for_later_waits_until_then()
    {
        var scheduler = new SearchScheduler(32 * Ms, TimeSpan.FromSeconds(300));
        scheduler.Add(1, "LATER", T0 + TimeSpan.FromSeconds(10));
        var datagrams = new List<byte[]>();

        var next = scheduler.Poll(T0, datagrams);

        Assert.Empty(datagrams);
        Assert.Equal(T0 + TimeSpan.FromSeconds(10), next);
    }

    [Fact]
    public void Names_too_long_for_a_datagram_are_refused()
    {
        Assert.True(SearchScheduler.FitsInDatagram(new string('A', 900)));
        Assert.False(SearchScheduler.FitsInDatagram(new string('A', 1000)));
    }
}
