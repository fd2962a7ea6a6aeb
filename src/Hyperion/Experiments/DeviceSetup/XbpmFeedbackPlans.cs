using Hyperion.Devices.Mx.Beam;
using Hyperion.Devices.Mx.Optics;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.DeviceSetup;

/// <summary>
/// The XBPM feedback keeps the beam on the sample: paused, with the collection's transmission set, while collecting;
/// running at full transmission otherwise (mx-bluesky's xbpm_feedback plans).
/// </summary>
public static class XbpmFeedbackPlans
{
    private const string FeedbackGroup = "feedback";

    /// <summary>
    /// Turns the feedback back on at transmission 1 so it keeps the beam aligned between collections; waits up to
    /// <paramref name="timeoutForStableS"/> for it to settle when that is above zero.
    /// </summary>
    public static async Plan UnpauseXbpmFeedbackAndSetTransmissionTo1(XbpmFeedback xbpmFeedback, BinaryFilterAttenuator attenuator, double timeoutForStableS = 0)
    {
        ArgumentNullException.ThrowIfNull(xbpmFeedback);
        ArgumentNullException.ThrowIfNull(attenuator);
        await Stubs.Mv((xbpmFeedback.PauseFeedback, Pause.Run), (attenuator, 1.0));
        if (timeoutForStableS > 0)
        {
            await Stubs.Trigger(xbpmFeedback, group: FeedbackGroup);
            await Stubs.Wait(FeedbackGroup, timeout: timeoutForStableS);
        }
    }

    /// <summary>
    /// Waits at full transmission for the feedback to be stable, then pauses it and sets
    /// <paramref name="desiredTransmissionFraction"/> for the collection.
    /// </summary>
    public static async Plan CheckAndPauseFeedback(XbpmFeedback xbpmFeedback, BinaryFilterAttenuator attenuator, double desiredTransmissionFraction)
    {
        ArgumentNullException.ThrowIfNull(xbpmFeedback);
        ArgumentNullException.ThrowIfNull(attenuator);
        await Stubs.Mv(attenuator, 1.0);
        await Stubs.Trigger(xbpmFeedback, wait: true);
        await Stubs.Mv(xbpmFeedback.PauseFeedback, Pause.Pause);
        await Stubs.Mv(attenuator, desiredTransmissionFraction);
    }

    /// <summary>
    /// Runs <paramref name="plan"/> with the feedback checked and paused at <paramref name="desiredTransmissionFraction"/>,
    /// and always turns it back on at full transmission afterwards (dodal's transmission_and_xbpm_feedback_for_collection).
    /// </summary>
    public static async Plan TransmissionAndXbpmFeedbackForCollection(Plan plan, XbpmFeedback xbpmFeedback, BinaryFilterAttenuator attenuator, double desiredTransmissionFraction)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await Preprocessors.Finalize(
            Sequence(CheckAndPauseFeedback(xbpmFeedback, attenuator, desiredTransmissionFraction), plan),
            () => UnpauseXbpmFeedbackAndSetTransmissionTo1(xbpmFeedback, attenuator));
    }

    private static async Plan Sequence(Plan first, Plan second)
    {
        await first;
        await second;
    }
}
