using System.Globalization;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.PlanLibrary;

/// <summary>
/// A trajectory for <see cref="Plans.ScanNd"/>: an ordered list of steps, each the positions of the same
/// movables (the <see cref="Keys"/>). It is the part of Python's <c>cycler</c> that bluesky uses:
/// <see cref="Of(IMovable, IEnumerable{double})"/> makes one axis, <see cref="Add"/> (<c>+</c>) moves axes
/// together (inner product), <see cref="Multiply"/> (<c>*</c>) nests them with the left one slowest (outer
/// product), and <see cref="Snake"/> nests them with some axes reversing direction on alternate passes.
/// </summary>
/// <remarks>Instances are immutable; composition makes new ones.</remarks>
public sealed class Cycler
{
    private readonly IMovable[] _keys;

    // One column of positions per key, all of the same length.
    private readonly object?[][] _columns;
    private readonly string _repr;
    private IReadOnlyList<IReadOnlyList<(IMovable Motor, object? Position)>>? _steps;

    private Cycler(IMovable[] keys, object?[][] columns, string repr)
    {
        _keys = keys;
        _columns = columns;
        _repr = repr;
    }

    /// <summary>The movables, in the order each step lists them.</summary>
    public IReadOnlyList<IMovable> Keys => _keys;

    /// <summary>The number of steps.</summary>
    public int Count => _columns.Length == 0 ? 0 : _columns[0].Length;

    /// <summary>Every step: the (movable, position) pairs to move to, in <see cref="Keys"/> order.</summary>
    public IReadOnlyList<IReadOnlyList<(IMovable Motor, object? Position)>> Steps => _steps ??= BuildSteps();

    /// <summary>One axis: <paramref name="motor"/> visits <paramref name="positions"/> in order (<c>cycler(motor, positions)</c>).</summary>
    public static Cycler Of(IMovable motor, IEnumerable<object?> positions)
    {
        ArgumentNullException.ThrowIfNull(motor);
        ArgumentNullException.ThrowIfNull(positions);
        var column = positions.ToArray();
        return new Cycler([motor], [column], $"cycler({Plans.Quote(Plans.NameOf(motor))}, {Plans.Repr(column)})");
    }

    /// <summary>One axis of numeric positions.</summary>
    public static Cycler Of(IMovable motor, IEnumerable<double> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        return Of(motor, positions.Select(p => (object?)p));
    }

    /// <summary>The positions of one movable, step by step (cycler's <c>by_key()[motor]</c>).</summary>
    public IReadOnlyList<object?> ByKey(IMovable motor)
    {
        var index = Array.IndexOf(_keys, motor);
        if (index < 0)
        {
            throw new ArgumentException($"{Plans.NameOf(motor)} is not an axis of this trajectory ({string.Join(", ", _keys.Select(Plans.NameOf))}).", nameof(motor));
        }

        return _columns[index];
    }

    /// <summary>Moves the axes of both together, step by step (cycler's <c>+</c>); both must have the same length.</summary>
    public Cycler Add(Cycler other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckDisjoint(other);
        if (Count != other.Count)
        {
            throw new ArgumentException($"Can only add equal length trajectories, not {Count} and {other.Count} steps.", nameof(other));
        }

        return new Cycler([.. _keys, .. other._keys], [.. _columns, .. other._columns], $"({_repr} + {other._repr})");
    }

    /// <summary>For each step of this, every step of <paramref name="other"/> (cycler's <c>*</c>): this is the slow axis.</summary>
    public Cycler Multiply(Cycler other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckDisjoint(other);
        int outer = Count, inner = other.Count;
        var columns = new object?[_columns.Length + other._columns.Length][];
        for (var k = 0; k < _columns.Length; k++)
        {
            var source = _columns[k];
            columns[k] = Enumerable.Range(0, outer * inner).Select(j => source[j / inner]).ToArray();
        }

        for (var k = 0; k < other._columns.Length; k++)
        {
            var source = other._columns[k];
            columns[_columns.Length + k] = Enumerable.Range(0, outer * inner).Select(j => source[j % inner]).ToArray();
        }

        return new Cycler([.. _keys, .. other._keys], columns, $"({_repr} * {other._repr})");
    }

    /// <summary>Inner product of two trajectories.</summary>
    public static Cycler operator +(Cycler left, Cycler right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Add(right);
    }

    /// <summary>Outer product of two trajectories.</summary>
    public static Cycler operator *(Cycler left, Cycler right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Multiply(right);
    }

    /// <summary>
    /// Nests <paramref name="cyclers"/> (the first slowest), reversing each axis whose <paramref name="snaking"/>
    /// flag is set on every other pass of the axes outside it (bluesky's <c>snake_cyclers</c>). The first flag
    /// has no effect: the slowest axis makes only one pass. With no axis snaking this is the plain product.
    /// </summary>
    public static Cycler Snake(IReadOnlyList<Cycler> cyclers, IReadOnlyList<bool> snaking)
    {
        ArgumentNullException.ThrowIfNull(cyclers);
        ArgumentNullException.ThrowIfNull(snaking);
        if (cyclers.Count != snaking.Count)
        {
            throw new ArgumentException($"{cyclers.Count} trajectories but {snaking.Count} snaking flags; give one flag per trajectory.", nameof(snaking));
        }

        if (cyclers.Count == 0)
        {
            throw new ArgumentException("Need at least one trajectory to combine.", nameof(cyclers));
        }

        if (!snaking.Skip(1).Any(s => s))
        {
            return cyclers.Skip(1).Aggregate(cyclers[0], (a, b) => a.Multiply(b));
        }

        var lengths = cyclers.Select(c => c.Count).ToArray();
        var total = lengths.Aggregate(1, (a, b) => a * b);
        Cycler? result = null;
        for (var i = 0; i < cyclers.Count; i++)
        {
            var length = lengths[i];
            var repeats = lengths.Skip(i + 1).Aggregate(1, (a, b) => a * b);
            var snake = snaking[i];
            for (var k = 0; k < cyclers[i]._keys.Length; k++)
            {
                var source = cyclers[i]._columns[k];

                // Pass p over this axis (p counts the steps of the axes outside it) runs backwards when p is odd.
                var expanded = Enumerable.Range(0, total).Select(j =>
                {
                    var within = j / repeats % length;
                    var pass = j / (repeats * length);
                    return snake && pass % 2 == 1 ? source[length - 1 - within] : source[within];
                });
                var axis = Of(cyclers[i]._keys[k], expanded);
                result = result is null ? axis : result.Add(axis);
            }
        }

        return result!;
    }

    /// <summary>Python's repr of the cycler, e.g. <c>(cycler('x', [1.0, 2.0]) * cycler('y', [3.0, 4.0]))</c>.</summary>
    public override string ToString() => _repr;

    private void CheckDisjoint(Cycler other)
    {
        var shared = _keys.Intersect(other._keys).ToList();
        if (shared.Count > 0)
        {
            throw new ArgumentException(
                $"Cannot compose trajectories that share axes ({string.Join(", ", shared.Select(Plans.NameOf))}); each movable may appear once.",
                nameof(other));
        }
    }

    private List<IReadOnlyList<(IMovable Motor, object? Position)>> BuildSteps()
    {
        var steps = new List<IReadOnlyList<(IMovable Motor, object? Position)>>(Count);
        for (var j = 0; j < Count; j++)
        {
            var step = new (IMovable Motor, object? Position)[_keys.Length];
            for (var k = 0; k < _keys.Length; k++)
            {
                step[k] = (_keys[k], _columns[k][j]);
            }

            steps.Add(step);
        }

        return steps;
    }

    internal static string FormatNumber(double value) =>
        double.IsInteger(value) && Math.Abs(value) < 1e16
            ? value.ToString("0.0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
}
