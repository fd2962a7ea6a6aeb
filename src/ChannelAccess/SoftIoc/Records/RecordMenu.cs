namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>A menu: the fixed choices of a DBF_MENU or DBF_DEVICE field (EPICS's menu(...) definitions).</summary>
public sealed class RecordMenu
{
    /// <summary>Creates a menu.</summary>
    public RecordMenu(string name, params string[] choices)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(choices);
        Name = name;
        Choices = choices;
    }

    /// <summary>The menu's name (e.g. "menuScan").</summary>
    public string Name { get; }

    /// <summary>The choices, in index order.</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <summary>The index of <paramref name="choice"/> (exact match), or -1.</summary>
    public int IndexOf(string choice)
    {
        for (var i = 0; i < Choices.Count; i++)
        {
            if (string.Equals(Choices[i], choice, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({string.Join(", ", Choices.Select(c => $"\"{c}\""))})";
}
