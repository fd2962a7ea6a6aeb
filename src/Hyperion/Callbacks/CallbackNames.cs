namespace Hyperion.Cli.Callbacks;

/// <summary>
/// The names a run start's <c>activate_callbacks</c> lists to switch a callback on: mx-bluesky's class names, so plans
/// written to mx-bluesky's structure activate the same callbacks.
/// </summary>
public static class CallbackNames
{
    /// <summary>The grid scan ISPyB callback (plans built on mx-bluesky's gridscan wrapper name it so).</summary>
    public const string GridscanIspyb = "GridscanISPyBCallback";

    /// <summary>mx-bluesky's name for the two-grid detect-and-scan ISPyB callback; the grid ISPyB callback answers to it too.</summary>
    public const string GridDetectAndScanIspyb = "GridDetectAndScanISPyBCallback";

    /// <summary>The grid scan NeXus callback.</summary>
    public const string GridscanNexus = "GridscanNexusFileCallback";

    /// <summary>The rotation ISPyB callback.</summary>
    public const string RotationIspyb = "RotationISPyBCallback";

    /// <summary>The rotation NeXus callback.</summary>
    public const string RotationNexus = "RotationNexusFileCallback";

    /// <summary>The Zocalo trigger callback (fed by the ISPyB callbacks, as in mx-bluesky).</summary>
    public const string Zocalo = "ZocaloCallback";

    /// <summary>The robot load/unload ISPyB callback.</summary>
    public const string RobotLoadIspyb = "RobotLoadISPyBCallback";

    /// <summary>The sample handling (sample status on failure) callback.</summary>
    public const string SampleHandling = "SampleHandlingCallback";
}
