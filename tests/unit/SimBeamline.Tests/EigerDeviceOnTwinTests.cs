using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Pv;
using Hyperion.ChannelAccess.Server;
using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Eiger;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Clock;

namespace Hyperion.SimBeamline.Tests;

/// <summary>
/// dodal's Eiger device arms the twin's Eiger and Odin as Hyperion does, and a 2-grid scan fills its files: in-process,
/// and over Channel Access through the twin's CaServer on loopback.
/// </summary>
public sealed class EigerDeviceOnTwinTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _directory = Directory.CreateTempSubdirectory("twin-eiger-device-").FullName;
    private SimulatedBeamline _twin = null!;
    private IPvClient? _client;
    private TwinOverCa? _ca;

    public Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03", new ScaledTimeProvider(10));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_ca is not null)
        {
            await _ca.DisposeAsync();
        }
        else if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        await _twin.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Staging_the_eiger_arms_the_twin_and_a_two_grid_scan_writes_a_frame_per_point(bool overChannelAccess)
    {
        if (overChannelAccess)
        {
            _ca = await TwinOverCa.StartAsync(_twin);
            _client = _ca.Client;
        }
        else
        {
            _client = _twin.CreateClient();
        }

        var client = _client;
        var eiger = I03Beamline.Create("s03", includeSimulatorAbsent: true).Get<EigerDetector>("eiger");
        await eiger.ConnectAsync(new DeviceConnectOptions { PvClient = client, Timeout = TimeSpan.FromSeconds(20) });
        eiger.SetDetectorParameters(new DetectorParams
        {
            ExpectedEnergyEv = 12700,
            ExposureTimeS = 0.004,
            Directory = _directory,
            Prefix = "dev",
            OverrideRunNumber = 1,
            DetectorDistance = 250,
            OmegaStart = 0,
            OmegaIncrement = 0,
            NumImagesPerTrigger = 1,
            NumTriggers = 6,
            UseRoiMode = true,
            DetDistToBeamConverterPath = string.Empty,
            BeamXYConverter = DetDistToBeamXYConverter.Parse(["Units mm mm mm", "100 155.5 162.2", "400 155.5 162.2"]),
        });
        await eiger.StageAsync().WaitAsync(Timeout);
        Assert.True(_twin.Eiger.IsArmed);

        var zebra = new TwinPvWriter(_twin.Records, "BL03S-EA-ZEBRA-01:");
        await zebra.SetAsync("OUT1_TTL", 7);
        var fgs = new TwinPvWriter(_twin.Records, "BL03S-MO-SGON-01:FGS:");
        foreach (var (name, value) in new[] { ("X_NUM_STEPS", 3.0), ("Y_NUM_STEPS", 1), ("Z_NUM_STEPS", 1), ("X_STEP_SIZE", 0.02), ("Y_STEP_SIZE", 0.02), ("Z_STEP_SIZE", 0.02), ("DWELL_TIME", 10) })
        {
            await fgs.SetAsync(name, value);
        }

        var run = client.Channel("BL03S-MO-SGON-01:FGS:RUN.PROC");
        await run.WaitForConnectionAsync(Timeout);
        await run.PutAsync(DbrValue.Of(1));

        // As the grid-scan plan does: the scan completes, then the detector is unstaged once Odin has every frame.
        await eiger.Odin.FileWriter.NumCaptured.WaitForValueAsync(6, Timeout);
        Assert.True(await eiger.UnstageAsync().WaitAsync(Timeout));
        Assert.Equal(["dev_1_000001.h5"], _twin.Eiger.LastFiles.Select(f => f.FileName));
        Assert.Equal(6, _twin.Eiger.LastFiles.Single().FrameCount);
        Assert.True(File.Exists(Path.Combine(_directory, "dev_1_000001.h5")));
        Assert.False(_twin.Eiger.IsArmed);
    }
}
