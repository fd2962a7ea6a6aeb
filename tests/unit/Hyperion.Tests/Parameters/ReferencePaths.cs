namespace Hyperion.Cli.Tests.Parameters;

/// <summary>Where the shared reference parameter files are, found from the test binaries.</summary>
internal static class ReferencePaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>mx-bluesky's parameter test files, beside the repository (read-only).</summary>
    public static string HyperionParams => Path.GetFullPath(Path.Combine(Root.Value, "..", "shared", "reference", "hyperion-params"));

    /// <summary>mx-bluesky's Agamemnon example instructions, beside the repository (read-only).</summary>
    public static string Agamemnon => Path.GetFullPath(Path.Combine(Root.Value, "..", "shared", "reference", "agamemnon"));

    /// <summary>The repository's own example parameter files.</summary>
    public static string Examples => Path.Combine(Root.Value, "examples");

    public static string ReadParams(string name) => File.ReadAllText(Path.Combine(HyperionParams, name));

    public static string ReadAgamemnon(string name) => File.ReadAllText(Path.Combine(Agamemnon, name));

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hyperion.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No directory above {AppContext.BaseDirectory} contains Hyperion.sln.");
    }
}
