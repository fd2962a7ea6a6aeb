using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Running;

/// <summary>The statuses started in each wait group ('set', 'trigger'... with <c>group=</c>), until a 'wait' takes them.</summary>
internal sealed class WaitGroups
{
    private static readonly object NullGroup = new();
    private readonly Dictionary<object, List<Status>> _groups = [];

    public void Add(object? group, Status status)
    {
        var key = group ?? NullGroup;
        if (!_groups.TryGetValue(key, out var statuses))
        {
            _groups[key] = statuses = [];
        }

        statuses.Add(status);
    }

    /// <summary>Removes and returns the statuses of <paramref name="group"/>, or null if it has none.</summary>
    public List<Status>? Take(object? group) => _groups.Remove(group ?? NullGroup, out var statuses) ? statuses : null;

    /// <summary>Puts statuses back after a wait timed out without error, so a later wait finds them.</summary>
    public void Restore(object? group, List<Status> statuses) => _groups[group ?? NullGroup] = statuses;

    /// <summary>The statuses of <paramref name="group"/> without removing them.</summary>
    public IReadOnlyList<Status> Peek(object? group) => _groups.TryGetValue(group ?? NullGroup, out var s) ? s : [];

    public void Clear() => _groups.Clear();
}
