using Hyperion.Cli.Callbacks;
using Hyperion.Cli.Logging;
using Hyperion.Engine.Documents;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.ExternalCallbacks;

/// <summary>
/// Gives each document from the broker to the callbacks process's callbacks (run-uid log tagging, then Hyperion's
/// ISPyB, NeXus and Zocalo callbacks) and returns once they have all handled it, so the consumer acknowledges a
/// document only when it is recorded. A callback's failure is logged by the callbacks' queue and counted here; it is not
/// retried, since the other callbacks have already acted on the document.
/// </summary>
public sealed class CallbacksDocumentHandler(HyperionCallbacks callbacks, LogUidTagging tagging, ILogger log) : IDocumentHandler
{
    private long _failures;

    /// <inheritdoc />
    public string Name => "hyperion-callbacks";

    /// <summary>How many callback failures there have been.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <inheritdoc />
    public async Task HandleAsync(DocumentName name, Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        ArgumentNullException.ThrowIfNull(tagging);
        tagging.Callback(name, document);
        callbacks.Callback(name, document);
        try
        {
            await callbacks.DrainAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CallbackFailuresException failures)
        {
            Interlocked.Add(ref _failures, failures.Failures.Count);
            ExternalCallbacksLog.CallbacksFailed(log, failures.Failures.Count, name.ToWireName(), failures.Message);
        }
    }
}
