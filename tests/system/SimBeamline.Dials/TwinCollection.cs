using System.Collections.Concurrent;
using Hyperion.ChannelAccess.InProcess;
using Hyperion.Nexus.Masks;
using Hyperion.Nexus.Nxmx;
using Hyperion.SimBeamline.Clock;
using Hyperion.SimBeamline.Detector;
using Hyperion.SimBeamline.Tests;

namespace Hyperion.SimBeamline.Dials.Tests;

/// <summary>
/// The s03 twin at a few times real speed with a client on its PVs, set up as Hyperion sets the Eiger and Odin for a
/// collection (4M ROI, external series triggers from the Zebra, 32-bit bitshuffle data files), and the frames it
/// writes turned into an NXmx master as Hyperion's NeXus writer would.
/// </summary>
public sealed class TwinCollection : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly ConcurrentQueue<EigerFrame> _frames = new();

    public TwinCollection(string stem, double speed = 5)
    {
        Stem = stem;
        Directory = System.IO.Directory.CreateTempSubdirectory("twin-dials-").FullName;
        Twin = SimulatedBeamline.Create("s03", new ScaledTimeProvider(speed));
        Twin.Eiger.FrameWritten += _frames.Enqueue;
        Client = Twin.CreateClient();
        Pvs = new TwinPvs(Twin, Client, Timeout);
    }

    public string Stem { get; }

    public string Directory { get; }

    public SimulatedBeamline Twin { get; }

    public InProcessPvClient Client { get; }

    /// <summary>The frames written, in image-number order.</summary>
    public IReadOnlyList<EigerFrame> Frames => [.. _frames.OrderBy(f => f.ImageNumber)];

    public string MasterPath => Path.Combine(Directory, NxmxMasterWriter.MasterFileName(Stem));

    /// <summary>Puts and reads the twin's PVs, as the unit tests do.</summary>
    public TwinPvs Pvs { get; }

    public Task PutAsync(string pv, double value) => Pvs.PutAsync(pv, value);

    public Task PutTextAsync(string pv, string text) => Pvs.PutTextAsync(pv, text);

    /// <summary>Opens the sample shutter by hand, arms Odin for <paramref name="frames"/> frames and the Eiger for <paramref name="triggers"/> triggers of <paramref name="imagesPerTrigger"/>.</summary>
    public async Task ArmAsync(int frames, int triggers, int imagesPerTrigger, double exposure)
    {
        const string eiger = "BL03S-EA-EIGER-01:";

        // The ring's current is set by the twin's storage-ring worker once it is running: frames without beam hold no spots.
        await WaitForAsync(() => Twin.Beam.Current().Beam.FluxPhotonsPerSecond > 0, "beam at the sample");
        await PutAsync("BL03S-EA-SHTR-01:CTRL1", 0);
        await PutAsync("BL03S-EA-SHTR-01:CTRL2", 1);
        await PutAsync(eiger + "CAM:ROIMode", 1);
        await PutAsync(eiger + "OD:ImageWidth", 2068);
        await PutAsync(eiger + "OD:ImageHeight", 2162);
        await PutAsync(eiger + "CAM:TriggerMode", 2);
        await PutAsync(eiger + "CAM:NumImages", imagesPerTrigger);
        await PutAsync(eiger + "CAM:NumTriggers", triggers);
        await PutAsync(eiger + "CAM:AcquireTime", exposure);
        await PutAsync(eiger + "CAM:AcquirePeriod", exposure);
        await PutTextAsync(eiger + "OD:FilePath", Directory);
        await PutTextAsync(eiger + "OD:FileName", Stem);
        await PutAsync(eiger + "OD:NumCapture", frames);
        await PutAsync(eiger + "OD:Capture", 1);
        await WaitForAsync(() => Read(eiger + "OD:Capture_RBV") == 1, "Odin capturing");
        await PutAsync(eiger + "CAM:Acquire", 1);
        await WaitForAsync(() => Twin.Eiger.IsArmed, "the Eiger armed");
    }

    /// <summary>Waits until Odin has closed its capture with every frame written.</summary>
    public async Task WaitForFramesAsync(int frames)
    {
        await WaitForAsync(() => _frames.Count >= frames && Read("BL03S-EA-EIGER-01:OD:Capture_RBV") == 0, $"{frames} frames written");
        Assert.Equal(frames, (int)Read("BL03S-EA-EIGER-01:OD:NumCaptured_RBV"));
        Assert.Null(Twin.Eiger.LastError);
    }

    /// <summary>Writes the NXmx master for the frames written, with each frame's own stage position and omega.</summary>
    public void WriteMaster(bool still)
    {
        var frames = Frames;
        var first = frames[0].Request;
        var omegas = frames.Select(f => f.Request.OmegaStartDegrees).ToList();
        var increment = still ? 0 : frames.Select(f => f.Request.OscillationDegrees).Order().ElementAt(frames.Count / 2);
        var scan = new NxmxScan(
            omegas,
            increment,
            [.. frames.Select(f => f.Request.StagePositionMm.X)],
            [.. frames.Select(f => f.Request.StagePositionMm.Y)],
            [.. frames.Select(f => f.Request.StagePositionMm.Z)]);
        var geometry = Twin.Eiger.ArmedGeometry!;
        NxmxMasterWriter.Write(MasterPath, new NxmxCollection
        {
            Detector = geometry,
            Beam = first.Beam,
            Scan = scan,
            ExposureTimeSeconds = first.ExposureSeconds,
            DataFiles = Twin.Eiger.LastFiles,
            Mask = PixelMask.ForEiger(geometry, Twin.Sample.Seed),
            StartTime = DateTimeOffset.UtcNow,
            EndTime = DateTimeOffset.UtcNow,
            Transmission = first.Transmission,
        });
    }

    public double Read(string pv) => Pvs.Read(pv);

    public static Task WaitForAsync(Func<bool> condition, string what) => TwinPvs.WaitForAsync(condition, what, Timeout);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Twin.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
