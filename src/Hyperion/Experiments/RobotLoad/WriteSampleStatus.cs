using Hyperion.Cli.Experiments.Errors;
using Hyperion.Engine.Callbacks;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.RobotLoad;

/// <summary>
/// Records a sample's status in ISPyB through the sample-handling callback (mx-bluesky's write_sample_status): a run
/// with <c>metadata</c> {sample_id} and <c>activate_callbacks</c> = SampleHandlingCallback that fails with the kind of
/// error to record, or succeeds to record the sample as loaded.
/// </summary>
public static class WriteSampleStatus
{
    /// <summary>The callbacks these runs activate.</summary>
    public static IReadOnlyList<string> ActivatedCallbacks { get; } = ["SampleHandlingCallback"];

    /// <summary>
    /// Marks <paramref name="sampleId"/> in error: the run fails with a beamline error or a
    /// <see cref="SampleException"/>, which this plan raises. <paramref name="sampleHandlingCallback"/>, when given, is
    /// subscribed for the run (mx-bluesky subscribes its SampleHandlingCallback).
    /// </summary>
    public static Plan DepositSampleError(SampleStatusExceptionType exceptionType, long sampleId, DocumentCallback? sampleHandlingCallback = null) =>
        WithCallback(Run(sampleId, Fail(exceptionType)), sampleHandlingCallback);

    /// <summary>Marks <paramref name="sampleId"/> loaded: the run succeeds.</summary>
    public static Plan DepositLoadedSample(long sampleId, DocumentCallback? sampleHandlingCallback = null) =>
        WithCallback(Run(sampleId, Nothing()), sampleHandlingCallback);

    private static Plan WithCallback(Plan plan, DocumentCallback? callback) =>
        callback is null ? plan : Preprocessors.Subs(plan, [callback]);

    private static Plan<string?> Run(long sampleId, Plan inner)
    {
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["metadata"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["sample_id"] = sampleId },
            ["activate_callbacks"] = ActivatedCallbacks.ToList(),
        };
        return Preprocessors.RunWrapper(inner, metadata);
    }

    private static async Plan Nothing()
    {
        await Stubs.Null();
    }

    private static async Plan Fail(SampleStatusExceptionType exceptionType)
    {
        await Stubs.Null();
        throw exceptionType switch
        {
            SampleStatusExceptionType.Beamline => new BeamlineStateException("Beamline failure recorded for the sample"),
            SampleStatusExceptionType.Sample => new SampleException("Sample failure recorded for the sample"),
            _ => new ArgumentOutOfRangeException(nameof(exceptionType), exceptionType, "Unknown sample status exception type."),
        };
    }
}
