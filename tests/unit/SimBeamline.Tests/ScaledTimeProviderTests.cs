using Hyperion.ChannelAccess.Server;
using Hyperion.SimBeamline.Clock;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.SimBeamline.Tests;

public class ScaledTimeProviderTests
{
    [Fact]
    public void Time_runs_at_the_chosen_speed_from_the_start()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        var clock = new ScaledTimeProvider(10, real);
        var start = clock.GetTimestamp();
        real.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 12, 0, 15, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(15), clock.GetElapsedTime(start));
    }

    [Fact]
    public void Timers_fire_after_their_due_time_divided_by_the_speed()
    {
        var real = new FakeTimeProvider();
        var clock = new ScaledTimeProvider(4, real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        real.Advance(TimeSpan.FromSeconds(0.4));
        Assert.Equal(0, fired);
        real.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(1, fired);
        real.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(2, fired);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void A_speed_that_is_not_positive_is_refused(double speed) =>
        Assert.Contains("positive", Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(speed)).Message, StringComparison.Ordinal);

    [Fact]
    public async Task A_twin_at_ten_times_real_time_moves_its_motors_ten_times_faster()
    {
        await using var twin = SimulatedBeamline.Create("s03", new ScaledTimeProvider(10));
        var x = twin.Records.Find("BL03S-MO-SGON-01:X")!;
        var velocity = twin.Records.Find("BL03S-MO-SGON-01:X.VELO")!;
        var client = new ClientIdentity("test", "localhost", null);
        await velocity.WriteAsync(Hyperion.ChannelAccess.Dbr.DbrValue.Of(1.0), client);
        var started = System.Diagnostics.Stopwatch.StartNew();

        // 5 mm at 1 mm/s: 5.1 simulated seconds, about half a real second.
        var status = await x.WriteAsync(Hyperion.ChannelAccess.Dbr.DbrValue.Of(5.0), client).AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(Hyperion.ChannelAccess.Protocol.Eca.Normal, status);
        Assert.InRange(started.Elapsed.TotalSeconds, 0.3, 3.0);
        Assert.Equal(5.0, twin.Records.Find("BL03S-MO-SGON-01:X.RBV")!.Read().GetDouble(), 3);
    }
}
