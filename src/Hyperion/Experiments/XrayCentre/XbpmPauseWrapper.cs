using Hyperion.Cli.Experiments.DeviceSetup;
using Hyperion.Devices.Mx.Beam;
using Hyperion.Devices.Mx.Optics;
using Hyperion.Engine.Messages;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.XrayCentre;

/// <summary>
/// Pauses the XBPM feedback at the collection's transmission around one run of a plan (mx-bluesky's
/// pause_xbpm_feedback_during_collection_at_desired_transmission_wrapper): the feedback is checked and paused just
/// before that run opens, and turned back on at full transmission just after it closes, or when the plan fails.
/// </summary>
public static class XbpmPauseWrapper
{
    /// <summary>
    /// Wraps the run keyed <paramref name="runKeyToWrap"/> (the first run when null) of <paramref name="plan"/>; does
    /// nothing when there is no such run.
    /// </summary>
    public static async Plan PauseXbpmFeedbackDuringCollectionAtDesiredTransmission(
        Plan plan, XbpmFeedback xbpmFeedback, BinaryFilterAttenuator attenuator, double desiredTransmissionFraction, string? runKeyToWrap = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(xbpmFeedback);
        ArgumentNullException.ThrowIfNull(attenuator);
        object? wrappedRun = null;
        var mutated = Preprocessors.PlanMutator(plan, msg =>
        {
            if (msg.Command == Commands.OpenRun && (wrappedRun is null && runKeyToWrap is null || (runKeyToWrap is not null && Equals(msg.Run, runKeyToWrap))))
            {
                wrappedRun = msg.Run ?? UnnamedRun;
                return (Head(msg), null);
            }

            if (msg.Command == Commands.CloseRun && wrappedRun is not null
                && ((Equals(wrappedRun, UnnamedRun) && msg.Run is null) || (msg.Run is not null && Equals(msg.Run, wrappedRun))))
            {
                return (null, XbpmFeedbackPlans.UnpauseXbpmFeedbackAndSetTransmissionTo1(xbpmFeedback, attenuator));
            }

            return (null, null);
        });
        await Preprocessors.Contingency(
            mutated, exceptPlan: _ => XbpmFeedbackPlans.UnpauseXbpmFeedbackAndSetTransmissionTo1(xbpmFeedback, attenuator));

        async Plan Head(Msg open)
        {
            await XbpmFeedbackPlans.CheckAndPauseFeedback(xbpmFeedback, attenuator, desiredTransmissionFraction);
            await open;
        }
    }

    private const string UnnamedRun = "unnamed_run";
}
