using System.Runtime.CompilerServices;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// A simulated flyer (ophyd.sim's MockFlyer): kickoff starts it, complete finishes a sweep of
/// <see cref="Points"/> points, and collect yields one event per point.
/// </summary>
public sealed class SynFlyer : IFlyable, IEventCollectable
{
    private readonly TimeProvider _time;
    private readonly List<PartialEvent> _pending = [];
    private bool _kickedOff;

    /// <summary>Creates the flyer.</summary>
    public SynFlyer(string name, int points = 5, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Points = points;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Points per sweep.</summary>
    public int Points { get; }

    /// <summary>Number of collections.</summary>
    public int CollectCount { get; private set; }

    /// <inheritdoc />
    public Status Kickoff()
    {
        _kickedOff = true;
        return Status.CompletedFor(this);
    }

    /// <inheritdoc />
    public Status Complete()
    {
        if (!_kickedOff)
        {
            return Status.FromException(new InvalidOperationException($"{Name} must be kicked off before it can complete."), this);
        }

        var now = SimClock.Now(_time);
        for (var i = 0; i < Points; i++)
        {
            _pending.Add(new PartialEvent(
                new Dictionary<string, object?>(StringComparer.Ordinal) { [Name + "-x"] = (double)i },
                new Dictionary<string, double>(StringComparer.Ordinal) { [Name + "-x"] = now }));
        }

        _kickedOff = false;
        return Status.CompletedFor(this);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeCollectAsync(CancellationToken cancellationToken = default) =>
        new(new Dictionary<string, DataKey>(StringComparer.Ordinal) { [Name + "-x"] = DataKey.Number($"SIM:{Name}-x") });

    /// <inheritdoc />
    public async IAsyncEnumerable<PartialEvent> CollectAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CollectCount++;
        var events = _pending.ToList();
        _pending.Clear();
        foreach (var ev in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ev;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
