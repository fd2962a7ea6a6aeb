using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Messages;

/// <summary>
/// One atomic operation of a plan, as in bluesky: a <see cref="Command"/> applied to an
/// <see cref="Obj"/> with <see cref="Args"/> and <see cref="Kwargs"/>, routed to the run named by
/// <see cref="Run"/>. A plan yields messages; only the RunEngine acts on them.
/// </summary>
/// <remarks>
/// Equality is by value, as for bluesky's namedtuple: the command, the object (by its own equality),
/// the arguments element by element, the keyword arguments as a set of pairs, and the run key.
/// Inside a plan, <c>await msg</c> hands the message to the RunEngine and returns its response.
/// </remarks>
public sealed record Msg
{
    private static readonly IReadOnlyDictionary<string, object?> NoKwargs =
        new Dictionary<string, object?>(0, StringComparer.Ordinal).AsReadOnly();

    /// <summary>Creates a message with positional arguments and no keyword arguments.</summary>
    public Msg(string command, object? obj = null, params object?[] args)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        Command = command;
        Obj = obj;
        Args = args ?? [];
        Kwargs = NoKwargs;
    }

    /// <summary>Creates a message with every field given.</summary>
    public Msg(string command, object? obj, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> kwargs, object? run = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        Command = command;
        Obj = obj;
        Args = args ?? [];
        Kwargs = kwargs ?? NoKwargs;
        Run = run;
    }

    /// <summary>The command, looked up in the RunEngine's command registry.</summary>
    public string Command { get; init; }

    /// <summary>The object (usually a device) the command applies to, or null.</summary>
    public object? Obj { get; init; }

    /// <summary>Positional arguments of the command.</summary>
    public IReadOnlyList<object?> Args { get; init; }

    /// <summary>Keyword arguments of the command (the message owns this dictionary; do not mutate it).</summary>
    public IReadOnlyDictionary<string, object?> Kwargs { get; init; }

    /// <summary>The run key that routes this message to one of several open runs; null is the default run.</summary>
    public object? Run { get; init; }

    /// <summary>Returns the keyword argument <paramref name="name"/> or <paramref name="fallback"/> when absent.</summary>
    public T? Kwarg<T>(string name, T? fallback = default) =>
        Kwargs.TryGetValue(name, out var value) && value is T typed ? typed : fallback;

    /// <summary>True when the keyword argument is present (even if its value is null).</summary>
    public bool HasKwarg(string name) => Kwargs.ContainsKey(name);

    /// <summary>Returns a copy with one keyword argument added or replaced.</summary>
    public Msg WithKwarg(string name, object? value)
    {
        var copy = new Dictionary<string, object?>(Kwargs, StringComparer.Ordinal) { [name] = value };
        return this with { Kwargs = copy };
    }

    /// <summary>Returns a copy without the named keyword argument.</summary>
    public Msg WithoutKwarg(string name)
    {
        if (!Kwargs.ContainsKey(name))
        {
            return this;
        }

        var copy = new Dictionary<string, object?>(Kwargs, StringComparer.Ordinal);
        copy.Remove(name);
        return this with { Kwargs = copy };
    }

    /// <summary>Lets a plan write <c>var response = await msg;</c>.</summary>
    public MsgAwaiter GetAwaiter() => new(this);

    /// <inheritdoc />
    public bool Equals(Msg? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || !string.Equals(Command, other.Command, StringComparison.Ordinal)
            || !Equals(Obj, other.Obj) || !Equals(Run, other.Run) || Args.Count != other.Args.Count
            || Kwargs.Count != other.Kwargs.Count)
        {
            return false;
        }

        for (var i = 0; i < Args.Count; i++)
        {
            if (!ValueEquals(Args[i], other.Args[i]))
            {
                return false;
            }
        }

        foreach (var (key, value) in Kwargs)
        {
            if (!other.Kwargs.TryGetValue(key, out var otherValue) || !ValueEquals(value, otherValue))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Command, Obj, Args.Count, Kwargs.Count, Run);

    /// <summary>Formats the message the way bluesky prints it.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("Msg('").Append(Command).Append("', obj=").Append(Describe(Obj)).Append(", args=(");
        for (var i = 0; i < Args.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : ", ").Append(Describe(Args[i]));
        }

        sb.Append(Args.Count == 1 ? ",)" : ")").Append(", kwargs={");
        var first = true;
        foreach (var (key, value) in Kwargs)
        {
            sb.Append(first ? string.Empty : ", ").Append('\'').Append(key).Append("': ").Append(Describe(value));
            first = false;
        }

        return sb.Append("}, run=").Append(Describe(Run)).Append(')').ToString();
    }

    /// <summary>Formats a message argument: devices by name, strings quoted, numbers invariant.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "None",
        string s => "'" + s + "'",
        bool b => b ? "True" : "False",
        IHasName named => named.Name,
        Plan plan => plan.Name,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Describe)) + "]",
        _ => value.ToString() ?? value.GetType().Name,
    };

    private static bool ValueEquals(object? a, object? b)
    {
        if (Equals(a, b))
        {
            return true;
        }

        // Lists compare element by element, as Python's tuples and lists do.
        if (a is IEnumerable ea && b is IEnumerable eb && a is not string && b is not string)
        {
            var left = ea.Cast<object?>().ToList();
            var right = eb.Cast<object?>().ToList();
            return left.Count == right.Count && left.Zip(right).All(p => ValueEquals(p.First, p.Second));
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static IReadOnlyDictionary<string, object?> EmptyKwargs() => NoKwargs;
}
