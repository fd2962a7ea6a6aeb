namespace Hyperion.Engine.Tests.Support;

/// <summary>
/// Compares text with a checked-in file under tests/unit/Engine.Tests/Golden. With the environment variable
/// UPDATE_GOLDEN=1 it rewrites the file instead, to be reviewed in the diff like any other change.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(TestPaths.GoldenDirectory, name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(TestPaths.GoldenDirectory);
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"Golden file {path} does not exist; run the test with UPDATE_GOLDEN=1 to create it from:\n{actual}");
        }

        // A checkout with CRLF line endings still matches.
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            Assert.Fail($"The text differs from golden file {path} (UPDATE_GOLDEN=1 rewrites it).\n--- golden\n{expected}\n--- actual\n{actual}");
        }
    }
}
