using Hyperion.Cli.Experiments.Errors;
using Hyperion.Engine.Documents;
using Hyperion.FakeZocalo.Ispyb;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Callbacks.SampleHandling;

/// <summary>
/// mx-bluesky's <c>SampleHandlingCallback</c>: the activating run's <c>metadata.sample_id</c> is recorded; if that run
/// stops unsuccessfully, the sample's status becomes "ERROR - sample" for a <c>[SampleException]</c> or
/// <c>[CrystalNotFoundException]</c> reason and "ERROR - beamline" for anything else; optionally "LOADED" on success.
/// </summary>
public sealed class SampleHandlingCallback : PlanReactiveCallback
{
    private readonly IIspybStore _store;
    private readonly bool _recordLoadedOnSuccess;
    private long? _sampleId;
    private string? _runId;

    /// <summary>Creates the callback.</summary>
    /// <param name="store">The ISPyB store.</param>
    /// <param name="log">Where it logs.</param>
    /// <param name="recordLoadedOnSuccess">Record "LOADED" when the run succeeds.</param>
    public SampleHandlingCallback(IIspybStore store, ILogger log, bool recordLoadedOnSuccess = false)
        : base(log)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _recordLoadedOnSuccess = recordLoadedOnSuccess;
    }

    /// <inheritdoc />
    public override string Name => CallbackNames.SampleHandling;

    /// <summary>The sample status an exception type name means (mx-bluesky's <c>_decode_sample_status</c>).</summary>
    /// <param name="exceptionType">The type name from the reason, or null.</param>
    public static string DecodeSampleStatus(string? exceptionType) =>
        exceptionType is nameof(SampleException) or nameof(CrystalNotFoundException) or "SampleError" or "CrystalNotFoundError"
            ? BLSampleStatus.ErrorSample
            : BLSampleStatus.ErrorBeamline;

    /// <inheritdoc />
    protected override Task ActivityGatedStartAsync(RunStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (_sampleId is null or 0 && Active)
        {
            var metadata = MetadataReader.Map(start.Metadata.GetValueOrDefault("metadata"));
            var sample = MetadataReader.Double(metadata?.GetValueOrDefault("sample_id"));
            _sampleId = sample is { } s ? (long)s : null;
            _runId = ActivityUid;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task ActivityGatedStopAsync(RunStop stop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stop);
        if (_runId != stop.RunStartUid)
        {
            return;
        }

        try
        {
            if (stop.ExitStatus != "success")
            {
                var (exceptionType, message) = SampleException.TypeAndMessageFromReason(stop.Reason ?? string.Empty);
                CallbackLog.SampleException(Log, exceptionType, message);
                var sampleId = _sampleId ?? throw new IspybDepositionNotMadeException("Unable to record exception due to no sample ID");
                await _store.UpdateSampleStatusAsync(sampleId, DecodeSampleStatus(exceptionType), cancellationToken).ConfigureAwait(false);
            }
            else if (_recordLoadedOnSuccess)
            {
                var sampleId = _sampleId ?? throw new IspybDepositionNotMadeException("Unable to record loaded state due to no sample ID");
                await _store.UpdateSampleStatusAsync(sampleId, BLSampleStatus.Loaded, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sampleId = null;
            _runId = null;
        }
    }
}
