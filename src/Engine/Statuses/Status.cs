using System.Runtime.CompilerServices;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Statuses;

/// <summary>
/// The outcome of an operation a device started (set, trigger, kickoff, stage...), backed by a
/// <see cref="System.Threading.Tasks.Task"/>. The RunEngine puts statuses into wait groups; plans and
/// progress bars add callbacks; <c>await status</c> works outside plans.
/// </summary>
public class Status
{
    private static readonly Status DoneStatus = new(System.Threading.Tasks.Task.CompletedTask);

    /// <summary>Wraps <paramref name="task"/>, the operation itself, started by <paramref name="obj"/>.</summary>
    public Status(Task task, object? obj = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        Task = task;
        Obj = obj;
    }

    /// <summary>The operation.</summary>
    public Task Task { get; }

    /// <summary>The object (device) that started the operation, if known.</summary>
    public object? Obj { get; }

    /// <summary>True once the operation has finished, successfully or not.</summary>
    public bool Done => Task.IsCompleted;

    /// <summary>True once the operation has finished successfully.</summary>
    public bool Success => Task.IsCompletedSuccessfully;

    /// <summary>Why the operation failed, or null while running or after success.</summary>
    public Exception? Exception => Task switch
    {
        { IsFaulted: true } t => t.Exception!.InnerExceptions.Count == 1 ? t.Exception.InnerException : t.Exception,
        { IsCanceled: true } => new OperationCanceledException($"{this} was cancelled."),
        _ => null,
    };

    /// <summary>A finished, successful status with no object (shared; allocation-free).</summary>
    public static Status Completed => DoneStatus;

    /// <summary>A finished, successful status started by <paramref name="obj"/>.</summary>
    public static Status CompletedFor(object? obj) =>
        obj is null ? DoneStatus : new Status(System.Threading.Tasks.Task.CompletedTask, obj);

    /// <summary>A finished, failed status.</summary>
    public static Status FromException(Exception error, object? obj = null) =>
        new(System.Threading.Tasks.Task.FromException(error), obj);

    /// <summary>
    /// Calls <paramref name="callback"/> with this status when it finishes (at once if it already has),
    /// on the thread that finished it.
    /// </summary>
    public void AddCallback(Action<Status> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (Task.IsCompleted)
        {
            callback(this);
            return;
        }

        Task.ContinueWith(
            static (_, state) =>
            {
                var (status, cb) = ((Status, Action<Status>))state!;
                cb(status);
            },
            (this, callback),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Waits for the operation, with an optional timeout; throws its exception if it failed.</summary>
    public Task WaitAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        timeout is { } t ? Task.WaitAsync(t, cancellationToken) : Task.WaitAsync(cancellationToken);

    /// <summary>Lets code outside plans write <c>await status</c>.</summary>
    public TaskAwaiter GetAwaiter() => Task.GetAwaiter();

    /// <inheritdoc />
    public override string ToString()
    {
        var who = Obj is IHasName named ? named.Name : Obj?.GetType().Name ?? "no object";
        var state = !Done ? "running" : Success ? "done" : "failed";
        return $"{GetType().Name}({who}, {state})";
    }
}
