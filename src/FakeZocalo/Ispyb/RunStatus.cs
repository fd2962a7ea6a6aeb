namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>The <c>DataCollection.runStatus</c> values Hyperion writes at the end of a collection.</summary>
public static class RunStatus
{
    /// <summary>The collection completed.</summary>
    public const string Successful = "DataCollection Successful";

    /// <summary>The collection failed or was aborted.</summary>
    public const string Unsuccessful = "DataCollection Unsuccessful";
}
