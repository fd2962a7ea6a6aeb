using System.Runtime.CompilerServices;

namespace Hyperion.Devices.Tests.Mx.Aperture;

/// <summary>Finds test data next to the test sources, so the project file need not copy it to the output.</summary>
internal static class TestDataFiles
{
    public static string BeamlineParameters => Path.Combine(Folder(), "TestData", "beamlineParameters");

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
