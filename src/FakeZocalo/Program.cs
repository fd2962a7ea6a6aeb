namespace Hyperion.FakeZocalo;

/// <summary>The <c>fakezocalo</c> command's entry point.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code.</summary>
    public static int Main(string[] args) => args.Length == 0 ? 0 : 0;
}
