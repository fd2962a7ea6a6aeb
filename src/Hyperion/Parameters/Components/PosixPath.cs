namespace Hyperion.Cli.Parameters;

/// <summary>POSIX path handling as Python's <c>pathlib.PurePosixPath</c> does it, for the <c>Path</c>-typed fields.</summary>
public static class PosixPath
{
    /// <summary>Normalises <paramref name="path"/> as <c>PurePosixPath(path)</c>: repeated and trailing slashes and
    /// <c>.</c> segments go (<c>..</c> stays, as pathlib keeps it).</summary>
    public static string Normalise(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return ".";
        }

        // POSIX keeps a leading "//" distinct; pathlib does too, and collapses three or more to one.
        var prefix = path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("///", StringComparison.Ordinal)
            ? "//"
            : path.StartsWith('/') ? "/" : "";
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");
        var joined = prefix + string.Join('/', parts);
        return joined.Length == 0 ? "." : joined;
    }

    /// <summary>Joins <paramref name="directory"/> and <paramref name="name"/> as <c>Path(directory, name)</c> does,
    /// normalised.</summary>
    public static string Join(string directory, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith('/') ? Normalise(name) : Normalise(directory + "/" + name);
    }
}
