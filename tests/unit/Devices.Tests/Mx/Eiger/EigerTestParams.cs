using Hyperion.Devices.Mx.Eiger;

namespace Hyperion.Devices.Tests.Mx.Eiger;

/// <summary>Detector parameters over a fresh temporary directory and an in-memory beam-centre table.</summary>
internal static class EigerTestParams
{
    // At 100 mm the beam is at (150, 160) mm; at 200 mm at (152, 164) mm.
    public static DetDistToBeamXYConverter Converter { get; } = DetDistToBeamXYConverter.Parse(["Units mm mm mm", "100 150 160", "200 152 164"]);

    public static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "eiger-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    public static DetectorParams Create(bool useRoiMode = false, TriggerMode triggerMode = TriggerMode.SetFrames, double energy = 12700) => new()
    {
        ExpectedEnergyEv = energy,
        ExposureTimeS = 0.004,
        Directory = NewDirectory(),
        Prefix = "test",
        OverrideRunNumber = 3,
        DetectorDistance = 100,
        OmegaStart = 10,
        OmegaIncrement = 0.1,
        NumImagesPerTrigger = 1,
        NumTriggers = 3600,
        UseRoiMode = useRoiMode,
        TriggerMode = triggerMode,
        DetDistToBeamConverterPath = string.Empty,
        BeamXYConverter = Converter,
    };
}
