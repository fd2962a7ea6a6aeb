using Hyperion.Engine.Documents;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Callbacks;

/// <summary>
/// A callback that stays subscribed and reacts only to the runs that ask for it, as mx-bluesky's
/// <c>PlanReactiveCallback</c>: a start document whose <c>activate_callbacks</c> names this callback (when it is not
/// already active) activates it, and the stop document of that run deactivates it, after the stop handler has run.
/// While inactive, documents pass by untouched.
/// </summary>
public abstract class PlanReactiveCallback : IDocumentHandler
{
    private readonly Dictionary<string, EventDescriptor> _descriptors = new(StringComparer.Ordinal);

    /// <summary>Creates the callback.</summary>
    /// <param name="log">Where it logs.</param>
    protected PlanReactiveCallback(ILogger log)
    {
        Log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>Whether a run has activated this callback and not yet stopped.</summary>
    public bool Active { get; private set; }

    /// <summary>The uid of the run whose start last decided this callback's activation ("" when none).</summary>
    public string ActivityUid { get; private set; } = string.Empty;

    /// <summary>Where the callback logs.</summary>
    protected ILogger Log { get; }

    /// <summary>The names this callback answers to in <c>activate_callbacks</c> (by default its <see cref="Name"/>).</summary>
    protected virtual IReadOnlyCollection<string> ActivationNames => [Name];

    /// <inheritdoc />
    public async Task HandleAsync(DocumentName name, Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        switch (document)
        {
            case RunStart start:
                var toActivate = ActivateCallbacks(start);
                if (toActivate is { Count: > 0 } && !Active)
                {
                    Active = ActivationNames.Any(toActivate.Contains);
                    CallbackLog.Activation(Log, Active ? "activating" : "not activating", Name, start.Uid);
                    ActivityUid = start.Uid;
                }

                if (Active)
                {
                    await ActivityGatedStartAsync(start, cancellationToken).ConfigureAwait(false);
                }

                break;
            case EventDescriptor descriptor when Active:
                _descriptors[descriptor.Uid] = descriptor;
                await ActivityGatedDescriptorAsync(descriptor, cancellationToken).ConfigureAwait(false);
                break;
            case Event ev when Active:
                await ActivityGatedEventAsync(ev, _descriptors.GetValueOrDefault(ev.Descriptor), cancellationToken).ConfigureAwait(false);
                break;
            case EventPage page when Active:
                foreach (var ev in Hyperion.Engine.Callbacks.EventPages.Unpack(page))
                {
                    await ActivityGatedEventAsync(ev, _descriptors.GetValueOrDefault(ev.Descriptor), cancellationToken).ConfigureAwait(false);
                }

                break;
            case RunStop stop:
                var doStop = Active;
                if (stop.RunStartUid == ActivityUid)
                {
                    Active = false;
                    ActivityUid = string.Empty;
                }

                // The stop handler runs even though the run that activated us has just deactivated us: it is its last document.
                if (doStop)
                {
                    await ActivityGatedStopAsync(stop, cancellationToken).ConfigureAwait(false);
                }

                break;
        }
    }

    /// <summary>Handles a start document while active.</summary>
    /// <param name="start">The start document.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    protected virtual Task ActivityGatedStartAsync(RunStart start, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles a descriptor while active (descriptors are remembered for events before this is called).</summary>
    /// <param name="descriptor">The descriptor.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    protected virtual Task ActivityGatedDescriptorAsync(EventDescriptor descriptor, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles an event while active.</summary>
    /// <param name="ev">The event.</param>
    /// <param name="descriptor">Its descriptor, or null when this callback never saw it.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    protected virtual Task ActivityGatedEventAsync(Event ev, EventDescriptor? descriptor, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles a stop document while active (including the stop that deactivates this callback).</summary>
    /// <param name="stop">The stop document.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    protected virtual Task ActivityGatedStopAsync(RunStop stop, CancellationToken cancellationToken) => Task.CompletedTask;

    private static List<string>? ActivateCallbacks(RunStart start)
    {
        var value = start.Metadata.GetValueOrDefault("activate_callbacks");
        return value is null ? null : MetadataReader.StringList(value);
    }
}
