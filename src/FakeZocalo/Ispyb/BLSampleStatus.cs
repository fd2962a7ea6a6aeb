namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>The <c>blSampleStatus</c> values Hyperion sets (mx-bluesky's <c>BLSampleStatus</c>).</summary>
public static class BLSampleStatus
{
    /// <summary>The sample has been loaded.</summary>
    public const string Loaded = "LOADED";

    /// <summary>A problem with the sample, e.g. a pin too long or too short.</summary>
    public const string ErrorSample = "ERROR - sample";

    /// <summary>Any other error.</summary>
    public const string ErrorBeamline = "ERROR - beamline";
}
