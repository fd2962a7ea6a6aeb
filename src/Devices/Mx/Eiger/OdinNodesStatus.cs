using Hyperion.Devices.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>Odin's four writer nodes, OD1: to OD4: under the detector prefix (dodal's OdinNodesStatus).</summary>
public sealed class OdinNodesStatus(string prefix, string name = "", ILogger? logger = null) : Device(name)
{
    /// <summary>How long clearing node errors may take.</summary>
    public static readonly TimeSpan ClearErrorsTimeout = TimeSpan.FromSeconds(10);

    // Messages carry the whitespace of dodal's backslash-continued f-strings, so they read the same.
    private static readonly string ErrorGap = new(' ', 21);
    private static readonly string FramesGap = new(' ', 24);
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>OD1:.</summary>
    [DeviceChild("node_0")]
    public OdinNode Node0 { get; } = new(prefix + "OD1:");

    /// <summary>OD2:.</summary>
    [DeviceChild("node_1")]
    public OdinNode Node1 { get; } = new(prefix + "OD2:");

    /// <summary>OD3:.</summary>
    [DeviceChild("node_2")]
    public OdinNode Node2 { get; } = new(prefix + "OD3:");

    /// <summary>OD4:.</summary>
    [DeviceChild("node_3")]
    public OdinNode Node3 { get; } = new(prefix + "OD4:");

    /// <summary>The nodes in order; a node's number in messages is its index here.</summary>
    public IReadOnlyList<OdinNode> Nodes => [Node0, Node1, Node2, Node3];

    /// <summary>Writes 1 to FPClearErrors on each node with an error message, and waits for them all (10 s).</summary>
    public async Task ClearOdinErrorsAsync(CancellationToken cancellationToken = default)
    {
        var clearing = new List<Func<CancellationToken, Task>>();
        for (var n = 0; n < Nodes.Count; n++)
        {
            var node = Nodes[n];
            var message = await node.ErrorMessage.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(message))
            {
                EigerLog.ClearingOdinErrors(_logger, n);
                clearing.Add(ct => OphydV1.SetAsync(node.ClearErrors, 1, ClearErrorsTimeout, ct));
            }
        }

        await OphydV1.AllAsync(cancellationToken, [.. clearing]).ConfigureAwait(false);
    }

    /// <summary>"node n: message" for each writer node now in an error state.</summary>
    public async Task<IReadOnlyList<string>> ReadErrorsAsync(CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        for (var n = 0; n < Nodes.Count; n++)
        {
            if (await Nodes[n].ErrorStatus.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false) != 0)
            {
                errors.Add($"node {n}: {await Nodes[n].ErrorMessage.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false)}");
            }
        }

        return errors;
    }

    /// <summary>
    /// Starts waiting, for up to <paramref name="timeout"/>, for each node's error state to clear; each wait comes
    /// with the message to report if it fails ("Filewriter n is in an error state with error message - ...").
    /// </summary>
    public async Task<IReadOnlyList<(Task Wait, string Message)>> WaitForNoErrorsAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var waits = new List<(Task, string)>();
        for (var n = 0; n < Nodes.Count; n++)
        {
            var node = Nodes[n];
            var wait = OphydV1.AwaitValueAsync(node.ErrorStatus, 0, timeout, cancellationToken);
            var message = await node.ErrorMessage.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            waits.Add((wait, $"Filewriter {n} is in an error state with error message{ErrorGap}- {message}"));
        }

        return waits;
    }

    /// <summary>Waits, for up to <paramref name="timeout"/>, for every node's frame receiver and processor to be connected.</summary>
    public Task GetInitStateAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        OphydV1.AllAsync(cancellationToken, [.. Nodes.SelectMany(node => new Func<CancellationToken, Task>[]
        {
            ct => OphydV1.AwaitValueAsync(node.FrInitialised, 1, timeout, ct),
            ct => OphydV1.AwaitValueAsync(node.FpInitialised, 1, timeout, ct),
        })]);

    /// <summary>Whether any node dropped frames, with a line per node that did.</summary>
    public Task<(bool Bad, string Details)> CheckFramesDroppedAsync(CancellationToken cancellationToken = default) =>
        CheckNodeFramesAsync(node => node.FramesDropped, "dropped", cancellationToken);

    /// <summary>Whether any node timed out on frames, with a line per node that did.</summary>
    public Task<(bool Bad, string Details)> CheckFramesTimedOutAsync(CancellationToken cancellationToken = default) =>
        CheckNodeFramesAsync(node => node.FramesTimedOut, "timed out", cancellationToken);

    private async Task<(bool, string)> CheckNodeFramesAsync(Func<OdinNode, Signals.SignalR<int>> counter, string verb, CancellationToken cancellationToken)
    {
        var details = new List<string>();
        for (var n = 0; n < Nodes.Count; n++)
        {
            var frames = await counter(Nodes[n]).GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (frames != 0)
            {
                details.Add($"Filewriter {n} {verb} {FramesGap}{frames} frames");
            }
        }

        return (details.Count > 0, string.Join("\n", details));
    }
}
