using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Nxmx;

namespace Hyperion.Nexus.Dials.Tests;

/// <summary>
/// A 4M-ROI rotation (uint32, bitshuffle-LZ4, two data files) with one spot per image at known pixels, imported once
/// with dials.import for the tests that read what DIALS made of it.
/// </summary>
public sealed class RotationFixture : IAsyncLifetime
{
    public static readonly Spot[] Spots =
    [
        new(300.5, 400.5, 0),
        new(1500.3, 1700.8, 1),
        new(800.5, 1900.5, 2),
        new(1900.7, 200.2, 3),
        new(1200.5, 1300.5, 4),
        new(100.5, 1200.5, 5),
    ];

    public static DetectorGeometry Detector { get; } = DetectorGeometry.Eiger4M(245.5) with { BeamCentreFast = 1012.25, BeamCentreSlow = 1090.75 };

    public static NxmxScan Scan { get; } = NxmxScan.Rotation(-30, 0.2, Spots.Length, new Vector3D(0.1, -0.2, 0.3));

    public Dataset Data { get; private set; } = null!;

    public string ImportOutput { get; private set; } = string.Empty;

    public string Experiments => Path.Combine(Data.Directory, "imported.expt");

    public async Task InitializeAsync()
    {
        Data = Dataset.Write("thau_1", Detector, Scan, Spots, new DataFileOptions { FramesPerFile = 4 });
        ImportOutput = await ExternalTool.RunAsync("dials.import", Data.Directory, TimeSpan.FromMinutes(3), Data.MasterPath);
    }

    public Task DisposeAsync()
    {
        Data.Dispose();
        return Task.CompletedTask;
    }
}
