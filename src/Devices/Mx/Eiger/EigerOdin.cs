using Hyperion.Devices.Core;
using Hyperion.Engine.Statuses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>Odin, the Eiger's data acquisition back end (dodal's EigerOdin): fan, file writer, meta listener and nodes.</summary>
public sealed class EigerOdin(string prefix, string name = "", ILogger? logger = null) : Device(name)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>OD:FAN:.</summary>
    public EigerFan Fan { get; } = new(prefix + "OD:FAN:");

    /// <summary>OD:.</summary>
    public OdinFileWriter FileWriter { get; } = new(prefix + "OD:");

    /// <summary>OD:META:.</summary>
    public OdinMetaListener Meta { get; } = new(prefix + "OD:META:");

    /// <summary>OD1: to OD4:.</summary>
    public OdinNodesStatus Nodes { get; } = new(prefix, logger: logger);

    /// <summary>Completes once the meta listener and every node have stopped writing (no time-out).</summary>
    public Status CreateFinishedStatus(CancellationToken cancellationToken = default) =>
        new(OphydV1.AllAsync(
            cancellationToken,
            [ct => OphydV1.AwaitValueAsync(Meta.Ready, 0, null, ct), .. Nodes.Nodes.Select(n => (Func<CancellationToken, Task>)(ct => OphydV1.AwaitValueAsync(n.Writing, 0, null, ct)))]),
            this);

    /// <summary>Stops Odin by hand: Capture ← 0 and META:Stop ← 1, together; the status completes when both read back.</summary>
    public Status Stop() => new(StopAsync(null), this);

    /// <summary>As <see cref="Stop"/>, failing if the readbacks do not follow within <paramref name="timeout"/>.</summary>
    public Task StopAsync(TimeSpan? timeout, CancellationToken cancellationToken = default) =>
        OphydV1.AllAsync(
            cancellationToken,
            ct => OphydV1.SetAsync(FileWriter.Capture, 0, timeout, ct),
            ct => OphydV1.SetAsync(Meta.StopWriting, 1, timeout, ct));

    /// <summary>
    /// Waits (each for up to <paramref name="timeout"/>) for the nodes to be free of errors, the fan to be connected
    /// and running, the meta listener and every node to be initialised; returns whether all were, and a line for
    /// each that was not.
    /// </summary>
    public async Task<(bool Ok, string Message)> WaitForOdinInitialisedAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var checks = new List<(Task Wait, string Message)>(await Nodes.WaitForNoErrorsAsync(timeout, cancellationToken).ConfigureAwait(false))
        {
            (OphydV1.AwaitValueAsync(Fan.ConsumersConnected, 1, timeout, cancellationToken), "EigerFan is not connected"),
            (OphydV1.AwaitValueAsync(Fan.On, 1, timeout, cancellationToken), "EigerFan is not initialised"),
            (OphydV1.AwaitValueAsync(Meta.Initialised, 1, timeout, cancellationToken), "MetaListener is not initialised"),
            (Nodes.GetInitStateAsync(timeout, cancellationToken), "One or more filewriters is not initialised"),
        };
        var failures = new List<string>();
        foreach (var (wait, message) in checks)
        {
            try
            {
                await wait.ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                failures.Add(message);
            }
        }

        return (failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// After a collection: fails with <see cref="OdinNotInitialisedException"/> if Odin is not initialised; logs
    /// dropped or timed-out frames; returns true only if there were none.
    /// </summary>
    public async Task<bool> CheckAndWaitForOdinStateAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var (initialised, message) = await WaitForOdinInitialisedAsync(timeout, cancellationToken).ConfigureAwait(false);
        var (dropped, droppedDetails) = await Nodes.CheckFramesDroppedAsync(cancellationToken).ConfigureAwait(false);
        var (timedOut, timedOutDetails) = await Nodes.CheckFramesTimedOutAsync(cancellationToken).ConfigureAwait(false);
        if (!initialised)
        {
            throw new OdinNotInitialisedException(Name, message, string.Empty);
        }

        if (dropped)
        {
            EigerLog.FramesDropped(_logger, droppedDetails);
        }

        if (timedOut)
        {
            EigerLog.FramesTimedOut(_logger, timedOutDetails);
        }

        return !dropped && !timedOut;
    }
}
