using System.Threading.Channels;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// A piece of the twin's IOC logic: commands posted from record events (which run under the database's lock) are
/// handled one at a time, in order, on a worker of their own, so handlers may take twin time and write PVs. A
/// command that fails is kept in <see cref="LastError"/> and the next one runs.
/// </summary>
/// <typeparam name="TCommand">What is posted.</typeparam>
public abstract class TwinController<TCommand> : IAsyncDisposable
{
    private readonly Channel<TCommand> _commands = Channel.CreateUnbounded<TCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private Task _worker = Task.CompletedTask;

    /// <summary>The last failure of a command, kept for the twin's log and tests.</summary>
    public Exception? LastError { get; private set; }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _commands.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped mid-command, or idle waiting for one.
        }

        await OnDisposeAsync().ConfigureAwait(false);

        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Keeps <paramref name="error"/> as <see cref="LastError"/>: a failure the device reported and carried on from.</summary>
    protected void RecordError(Exception error) => LastError = error ?? throw new ArgumentNullException(nameof(error));

    /// <summary>Queues <paramref name="command"/>; safe from record events.</summary>
    protected void Post(TCommand command) => _commands.Writer.TryWrite(command);

    /// <summary>Starts the worker: call last in the derived constructor.</summary>
    protected void Start() => _worker = RunAsync(_stop.Token);

    /// <summary>Sets the device's PVs up before the first command.</summary>
    protected virtual Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles one command.</summary>
    protected abstract Task HandleAsync(TCommand command, CancellationToken cancellationToken);

    /// <summary>Runs after a command failed (a controller puts its status back to idle).</summary>
    protected virtual Task OnCommandFailedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once the worker has stopped.</summary>
    protected virtual Task OnDisposeAsync() => Task.CompletedTask;

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            LastError = e;
        }

        await foreach (var command in _commands.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await HandleAsync(command, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // A failed command (a PV the twin could not set, a renderer refusing a geometry) must not stop the
                // device: it is kept for the twin's log and tests, and the next command runs.
                LastError = e;
                await OnCommandFailedAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
