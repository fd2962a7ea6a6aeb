namespace Hyperion.Engine.Tests.Support;

/// <summary>Where the repository and the shared reference files are, found from the test binaries.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The directory holding Hyperion.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>event-model's JSON schemas, shared by every worktree beside the repository (read-only).</summary>
    public static string EventModelSchemas =>
        Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "reference", "event-model-schemas"));

    /// <summary>The checked-in golden files of this test project.</summary>
    public static string GoldenDirectory => Path.Combine(RepositoryRoot, "tests", "unit", "Engine.Tests", "Golden");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hyperion.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No directory above {AppContext.BaseDirectory} contains Hyperion.sln; the tests must run from inside the repository.");
    }
}
