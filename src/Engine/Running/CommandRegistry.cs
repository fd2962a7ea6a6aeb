using System.Text;

namespace Hyperion.Engine.Running;

/// <summary>Maps command names to handlers: the RunEngine's dispatch table.</summary>
public sealed class CommandRegistry
{
    private readonly Dictionary<string, (CommandHandler Handler, string Doc)> _handlers = new(StringComparer.Ordinal);

    /// <summary>The registered command names, in registration order.</summary>
    public IReadOnlyList<string> Commands => [.. _handlers.Keys];

    /// <summary>Registers (or replaces) the handler of <paramref name="command"/>, with a one-line description.</summary>
    public void Register(string command, CommandHandler handler, string description = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[command] = (handler, description);
    }

    /// <summary>Removes <paramref name="command"/>; throws if it is not registered.</summary>
    public void Unregister(string command)
    {
        if (!_handlers.Remove(command))
        {
            throw new KeyNotFoundException($"No command '{command}' is registered; registered commands: {string.Join(", ", _handlers.Keys)}.");
        }
    }

    /// <summary>Looks up a handler.</summary>
    public bool TryGet(string command, out CommandHandler handler)
    {
        if (_handlers.TryGetValue(command, out var entry))
        {
            handler = entry.Handler;
            return true;
        }

        handler = null!;
        return false;
    }

    /// <summary>Formats the registry: one line per command, or the full descriptions when <paramref name="verbose"/>.</summary>
    public string Print(bool verbose = false)
    {
        var sb = new StringBuilder("List of available commands\n");
        foreach (var (command, (_, doc)) in _handlers)
        {
            var text = verbose ? doc : doc.Split('\n')[0];
            sb.Append(command).Append(" : ").Append(text).Append('\n');
        }

        return sb.ToString();
    }
}
