using Hyperion.SimBeamline.Behaviours;

namespace Hyperion.SimBeamline.Tests;

public sealed class ShutterTimelineTests
{
    [Fact]
    public void A_window_is_lit_for_the_part_the_shutter_was_open()
    {
        var timeline = new ShutterTimeline();
        timeline.Record(100, open: true);
        timeline.Record(200, open: false);

        Assert.Equal(0, timeline.OpenFraction(0, 100));
        Assert.Equal(1, timeline.OpenFraction(120, 180));
        Assert.Equal(0.5, timeline.OpenFraction(50, 150));
        Assert.Equal(0.5, timeline.OpenFraction(150, 250));
        Assert.Equal(100.0 / 300, timeline.OpenFraction(0, 300), 12);
        Assert.Equal(0, timeline.OpenFraction(250, 400));
    }

    [Fact]
    public void A_window_past_the_last_change_assumes_the_shutter_stays_as_it_is()
    {
        var timeline = new ShutterTimeline();
        timeline.Record(100, open: true);

        Assert.Equal(1, timeline.OpenFraction(500, 600));
        Assert.Equal(1, timeline.OpenFraction(150, 150));
        Assert.Equal(0, timeline.OpenFraction(50, 50));
    }

    [Fact]
    public void A_shutter_open_from_the_start_is_open_before_any_change()
    {
        var timeline = new ShutterTimeline(open: true);
        timeline.Record(100, open: false);

        Assert.Equal(1, timeline.OpenFraction(0, 100));
        Assert.Equal(0.5, timeline.OpenFraction(50, 150));
    }

    [Fact]
    public void Forgotten_changes_still_leave_the_state_they_set()
    {
        var timeline = new ShutterTimeline();
        for (var i = 1; i <= 301; i++)
        {
            timeline.Record(i * 10, open: i % 2 == 1);
        }

        // The last change (3010) opened it; the one before (3000) closed it.
        Assert.Equal(0, timeline.OpenFraction(3001, 3009));
        Assert.Equal(1, timeline.OpenFraction(3011, 3020));
    }
}
