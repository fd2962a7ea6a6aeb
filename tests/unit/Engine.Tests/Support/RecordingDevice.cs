using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Tests.Support;

/// <summary>A device that records every call the RunEngine makes and lets the test finish its statuses.</summary>
public sealed class RecordingDevice : IReadable, IMovable, ITriggerable, IStageable, IStoppable, IPausable, ILocatable
{
    private readonly List<string> _calls = [];
    private readonly Lock _gate = new();
    private double _value;

    public RecordingDevice(string name, bool instant = true)
    {
        Name = name;
        Instant = instant;
    }

    public string Name { get; }

    /// <summary>When false, set/trigger statuses stay pending until the test completes them.</summary>
    public bool Instant { get; set; }

    /// <summary>When true, completing a pending status runs its callbacks on the completing thread.</summary>
    public bool InlineCompletion { get; set; }

    public Exception? StopError { get; set; }

    public Exception? UnstageError { get; set; }

    public Exception? ReadError { get; set; }

    public List<TaskCompletionSource> Pending { get; } = [];

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public ValueTask<IReadOnlyDictionary<string, Reading>> ReadAsync(CancellationToken cancellationToken = default)
    {
        Record("read");
        if (ReadError is not null)
        {
            throw ReadError;
        }

        return new(new Dictionary<string, Reading> { [Name] = new(_value, 1.0) });
    }

    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeAsync(CancellationToken cancellationToken = default) =>
        new(new Dictionary<string, DataKey> { [Name] = DataKey.Number("SIM:" + Name) });

    public Status Set(object? value)
    {
        Record($"set {value}");
        _value = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        return MakeStatus();
    }

    public Status Trigger()
    {
        Record("trigger");
        return MakeStatus();
    }

    public Status Stage()
    {
        Record("stage");
        return Status.CompletedFor(this);
    }

    public Status Unstage()
    {
        Record("unstage");
        return UnstageError is null ? Status.CompletedFor(this) : Status.FromException(UnstageError, this);
    }

    public ValueTask StopAsync(bool success = true, CancellationToken cancellationToken = default)
    {
        Record($"stop success={success}");
        if (StopError is not null)
        {
            throw StopError;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask PauseAsync(CancellationToken cancellationToken = default)
    {
        Record("pause");
        return ValueTask.CompletedTask;
    }

    public ValueTask ResumeAsync(CancellationToken cancellationToken = default)
    {
        Record("resume");
        return ValueTask.CompletedTask;
    }

    public ValueTask<Location> LocateAsync(CancellationToken cancellationToken = default) => new(new Location(_value, _value));

    public int Count(string call) => Calls.Count(c => c == call);

    private Status MakeStatus()
    {
        if (Instant)
        {
            return Status.CompletedFor(this);
        }

        var completion = new TaskCompletionSource(InlineCompletion ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            Pending.Add(completion);
        }

        return new Status(completion.Task, this);
    }

    private void Record(string call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }
}
