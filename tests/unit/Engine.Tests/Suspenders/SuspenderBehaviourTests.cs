using Hyperion.Engine.Simulation;
using Hyperion.Engine.Suspenders;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.Engine.Tests.Suspenders;

/// <summary>How each suspender judges readings, checked on an idle engine (no plan needed).</summary>
public class SuspenderBehaviourTests
{
    public static TheoryData<string, object, object, object> Cases => new()
    {
        // kind, good start value, bad value, good again (bluesky's test_suspender parameters)
        { "BoolHigh", 0, 1, 0 },
        { "BoolLow", 1, 0, 1 },
        { "Floor", 1.0, 0.0, 1.0 },
        { "Ceil", 0.0, 1.0, 0.0 },
        { "WhenOutsideBand", 1.0, 0.0, 1.0 },
        { "InBand", 1.0, 0.0, 1.0 },
        { "OutBand", 0.0, 1.0, 0.0 },
        { "WhenChanged", "2-BM-A", "2-BM-B", "2-BM-A" },
    };

    private static SuspenderBase Make(string kind, SynSignal signal) => kind switch
    {
        "BoolHigh" => new SuspendBoolHigh(signal),
        "BoolLow" => new SuspendBoolLow(signal),
        "Floor" => new SuspendFloor(signal, 0.5),
        "Ceil" => new SuspendCeil(signal, 0.5),
        "WhenOutsideBand" => new SuspendWhenOutsideBand(signal, 0.5, 1.5),
        "InBand" => new SuspendInBand(signal, 0.5, 1.5),
        "OutBand" => new SuspendOutBand(signal, 0.5, 1.5),
        "WhenChanged" => new SuspendWhenChanged(signal, allowResume: true),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown suspender kind"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_suspender_trips_on_its_bad_value_and_clears_on_its_good_value(string kind, object good, object bad, object goodAgain)
    {
        using var engine = new RunEngine();
        var signal = new SynSignal("sig", good);
        var suspender = Make(kind, signal);
        engine.InstallSuspender(suspender);
        Assert.False(suspender.Tripped);
        Assert.Equal((null, null), suspender.GetTripState());

        signal.Put(bad);
        Assert.True(suspender.Tripped);
        var (release, justification) = suspender.GetTripState();
        Assert.NotNull(release);
        Assert.False(release.IsCompleted);
        Assert.Contains("sig", justification, StringComparison.Ordinal);

        signal.Put(goodAgain);
        Assert.False(suspender.Tripped);
        Assert.True(release.IsCompletedSuccessfully);
        Assert.Equal((null, null), suspender.GetTripState());
    }

    [Fact]
    public void Resume_delay_is_measured_on_the_engine_clock()
    {
        var time = new FakeTimeProvider();
        using var engine = new RunEngine(new RunEngineOptions { TimeProvider = time });
        var current = new SynSignal("ring_current", 300.0);
        var suspender = new SuspendFloor(current, 100, resumeThreshold: 250, sleep: TimeSpan.FromSeconds(60));
        engine.InstallSuspender(suspender);

        current.Put(5.0);
        var release = suspender.GetTripState().Resume!;
        current.Put(260.0);
        Assert.False(suspender.Tripped);
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(release.IsCompleted);
        Assert.NotNull(suspender.GetTripState().Resume);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(release.IsCompletedSuccessfully);
    }

    [Fact]
    public void Tripped_message_is_appended_to_the_justification()
    {
        using var engine = new RunEngine();
        var temperature = new SynSignal("dcm_temperature", 20.0);
        var suspender = new SuspendCeil(temperature, 30, resumeThreshold: 25, trippedMessage: "check the chiller");
        engine.InstallSuspender(suspender);

        temperature.Put(31.5);
        Assert.Equal(
            "Signal dcm_temperature = 31.5 went above 30 and has not yet crossed below 25.: check the chiller",
            suspender.GetTripState().Justification);
    }

    [Fact]
    public void When_changed_suspender_expects_the_value_at_creation_and_does_not_resume_by_default()
    {
        using var engine = new RunEngine();
        var inUse = new SynSignal("instrument_in_use", "2-BM-A");
        var suspender = new SuspendWhenChanged(inUse);
        Assert.Equal("2-BM-A", suspender.ExpectedValue);
        engine.InstallSuspender(suspender);

        inUse.Put("2-BM-B");
        var (release, justification) = suspender.GetTripState();
        Assert.Contains("got '2-BM-B', expected '2-BM-A'", justification, StringComparison.Ordinal);
        Assert.Contains("restart the session", justification, StringComparison.Ordinal);

        inUse.Put("2-BM-A");
        Assert.True(suspender.Tripped);
        Assert.False(release!.IsCompleted);
    }

    [Fact]
    public void Numeric_suspenders_treat_a_reading_that_is_not_a_number_as_bad()
    {
        using var engine = new RunEngine();
        var current = new SynSignal("ring_current", 300.0);
        var suspender = new SuspendFloor(current, 100);
        engine.InstallSuspender(suspender);

        current.Put(double.NaN);
        Assert.True(suspender.Tripped);
        current.Put("disconnected");
        Assert.True(suspender.Tripped);
        current.Put(300L);
        Assert.False(suspender.Tripped);
    }

    [Fact]
    public void Thresholds_and_bands_are_validated()
    {
        var signal = new SynSignal("sig", 1.0);
        Assert.Throws<ArgumentException>(() => new SuspendFloor(signal, 5, resumeThreshold: 4));
        Assert.Throws<ArgumentException>(() => new SuspendCeil(signal, 5, resumeThreshold: 6));
        Assert.Throws<ArgumentException>(() => new SuspendWhenOutsideBand(signal, 2, 2));
        Assert.Throws<ArgumentException>(() => new SuspendOutBand(signal, 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuspendBoolHigh(signal, sleep: TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Suspender_watching_a_field_the_signal_lacks_fails_to_install()
    {
        using var engine = new RunEngine();
        var motor = new SynAxis("motor");
        var suspender = new SuspendFloor(motor, 0, field: "motor_velocity");

        var error = Assert.Throws<InvalidOperationException>(() => suspender.Install(engine));
        Assert.Contains("motor_velocity", error.Message, StringComparison.Ordinal);
        Assert.Null(suspender.Engine);

        var readback = new SuspendFloor(motor, -1);
        readback.Install(engine);
        Assert.False(readback.Tripped);
    }

    [Fact]
    public void Readings_before_install_and_after_remove_are_ignored()
    {
        using var engine = new RunEngine();
        var signal = new SynSignal("sig", 0);
        var suspender = new SuspendBoolHigh(signal);
        signal.Put(1);
        Assert.False(suspender.Tripped);

        engine.InstallSuspender(suspender);
        Assert.True(suspender.Tripped);
        engine.RemoveSuspender(suspender);
        Assert.False(suspender.Tripped);
        signal.Put(1);
        Assert.False(suspender.Tripped);
        Assert.Equal((null, null), suspender.GetTripState());
    }
}
