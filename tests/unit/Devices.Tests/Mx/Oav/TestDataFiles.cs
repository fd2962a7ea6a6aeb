using System.Runtime.CompilerServices;

namespace Hyperion.Devices.Tests.Mx.Oav;

/// <summary>Finds test data next to the test sources, so the project file need not copy it to the output.</summary>
internal static class TestDataFiles
{
    public static string ZoomLevels => Path.Combine(Folder(), "TestData", "jCameraManZoomLevels.xml");

    public static string DisplayConfiguration => Path.Combine(Folder(), "TestData", "display.configuration");

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
