using System.Net;

namespace Hyperion.ChannelAccess.Tests.Client;

public class BeaconTrackerTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly IPEndPoint Ioc = new(IPAddress.Parse("10.0.0.5"), 5064);

    private static DateTimeOffset At(double seconds) => Start + TimeSpan.FromSeconds(seconds);

    [Fact]
    public void The_first_beacon_of_a_server_only_records_it()
    {
        var tracker = new BeaconTracker(Start);

        Assert.False(tracker.OnBeacon(Ioc, 0, At(100)));
        Assert.Equal(1, tracker.Count);
    }

    [Fact]
    public void A_server_that_started_after_the_client_is_an_anomaly_at_its_second_beacon()
    {
        var tracker = new BeaconTracker(Start);
        tracker.OnBeacon(Ioc, 0, At(100));

        Assert.True(tracker.OnBeacon(Ioc, 1, At(100.02)));
    }

    [Fact]
    public void A_server_heard_as_the_client_starts_is_not_an_anomaly()
    {
        var tracker = new BeaconTracker(Start);
        tracker.OnBeacon(Ioc, 500, At(1));

        Assert.False(tracker.OnBeacon(Ioc, 501, At(16)));
    }

    [Fact]
    public void Steady_beacons_are_not_anomalies()
    {
        var tracker = new BeaconTracker(Start);
        tracker.OnBeacon(Ioc, 500, At(1));
        tracker.OnBeacon(Ioc, 501, At(16));

        Assert.False(tracker.OnBeacon(Ioc, 502, At(31)));
        Assert.False(tracker.OnBeacon(Ioc, 503, At(46.5)));
    }

    [Fact]
    public void A_restarted_server_beaconing_fast_again_is_an_anomaly()
    {
        var tracker = new BeaconTracker(Start);
        tracker.OnBeacon(Ioc, 500, At(1));
        tracker.OnBeacon(Ioc, 501, At(16));
        tracker.OnBeacon(Ioc, 502, At(31));

        // The restarted server numbers from 0, and its first beacon comes well within the usual period.
        Assert.True(tracker.OnBeacon(Ioc, 0, At(38)));
    }

    [Fact]
    public void A_restart_in_phase_with_the_old_beacons_is_an_anomaly_at_the_next_fast_beacon()
    {
        var tracker = new BeaconTracker(Start);
        tracker.OnBeacon(Ioc, 500, At(1));
        tracker.OnBeacon(Ioc, 501, At(16));

        Assert.False(tracker.OnBeacon(Ioc, 0, At(31)));
        Assert.True(tracker.OnBeacon(Ioc, 1, At(31.02)));
    }

    [Fact]
    public void Beacons_missed_for_over_three_periods_are_an_anomaly()
    {
        var tracker = new BeaconTracker(Start);
        tracker.OnBeacon(Ioc, 500, At(1));
        tracker.OnBeacon(Ioc, 501, At(16));

        Assert.True(tracker.OnBeacon(Ioc, 505, At(76)));
    }

    [Fact]
    public void Duplicate_and_slightly_reordered_beacon_numbers_are_ignored()
    {
        var tracker = new BeaconTracker(Start);
        tracker.OnBeacon(Ioc, 500, At(1));
        tracker.OnBeacon(Ioc, 501, At(16));

        Assert.False(tracker.OnBeacon(Ioc, 501, At(16.001)));
        Assert.False(tracker.OnBeacon(Ioc, 503, At(16.002)));
    }
}
