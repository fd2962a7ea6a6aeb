namespace Hyperion.FakeZocalo.Centring;

/// <summary>
/// Grid data that X-ray centring cannot use: a count list of the wrong length, mismatched grids, a negative count,
/// a frame outside the grid. <see cref="Field"/> names the offending field with its wire name
/// (<c>grids[1].steps_x</c>, <c>spot_counts[7]</c>, <c>file-number</c>), or its JSON path when read from a file
/// (<c>$.grids[1].steps_x</c>).
/// </summary>
public sealed class CentringInputException : Exception
{
    /// <summary>Creates the error for one field.</summary>
    public CentringInputException(string field, string detail)
        : base($"{field}: {detail}")
    {
        Field = field;
        Detail = detail;
    }

    /// <summary>The offending field, as a path of wire names.</summary>
    public string Field { get; }

    /// <summary>What is wrong with the field.</summary>
    public string Detail { get; }

    /// <summary>The same error with the field placed under a parent path (<c>$</c> + <c>grids[0]</c> → <c>$.grids[0]</c>).</summary>
    internal CentringInputException Under(string parent) => new($"{parent}.{Field}", Detail);
}
