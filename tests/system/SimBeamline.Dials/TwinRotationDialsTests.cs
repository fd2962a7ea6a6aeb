using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Nexus.Dials.Tests;

namespace Hyperion.SimBeamline.Dials.Tests;

/// <summary>
/// A 180-frame rotation of the twin's thaumatin crystal (omega gated by the Zebra, one trigger, an external series of
/// 0.5° frames), written by Odin and indexed by DIALS: the unit cell comes back within 1%.
/// </summary>
[Collection("twin-dials")]
public sealed class TwinRotationDialsTests
{
    [Fact]
    public async Task Dials_indexes_a_180_frame_sweep_to_the_crystals_unit_cell()
    {
        await using var run = new TwinCollection("rot_1", speed: 2);
        const int frames = 180;
        const double width = 0.5, exposure = 0.1;
        var smargon = I03Beamline.Create("s03").Get<Smargon>("smargon");
        await smargon.ConnectAsync(new DeviceConnectOptions { PvClient = run.Client });
        var crystal = run.Twin.Sample.Crystal.PositionMm;
        await Task.WhenAll(smargon.X.MoveToAsync(crystal.X), smargon.Y.MoveToAsync(crystal.Y), smargon.Z.MoveToAsync(crystal.Z), smargon.Omega.MoveToAsync(-2));

        // As Hyperion wires a rotation: an omega position gate over the sweep, one time pulse to the detector.
        const string zebra = "BL03S-EA-ZEBRA-01:";
        foreach (var (name, value) in new[]
        {
            ("PC_ENC", 3.0), ("PC_GATE_SEL", 0), ("PC_DIR", 0), ("PC_GATE_START", 0), ("PC_GATE_WID", frames * width), ("PC_GATE_NGATE", 1),
            ("PC_PULSE_SEL", 1), ("PC_PULSE_START", 0), ("PC_PULSE_WID", 0.01), ("PC_PULSE_STEP", 0.02), ("PC_PULSE_MAX", 1), ("OUT1_TTL", 31),
        })
        {
            await run.PutAsync(zebra + name, value);
        }

        await run.ArmAsync(frames, triggers: 1, imagesPerTrigger: frames, exposure: exposure);
        await run.PutAsync(zebra + "PC_ARM", 1);
        await smargon.Omega.Velocity.SetAsync(width / exposure);
        // Well past the sweep, so a gate the twin opens late under load still sees every frame turn.
        await smargon.Omega.MoveToAsync((frames * width) + 10).WaitAsync(TwinCollection.Timeout);
        await run.WaitForFramesAsync(frames);
        Assert.All(run.Frames, f => Assert.Equal(width, f.Request.OscillationDegrees, 6));
        run.WriteMaster(still: false);

        await ExternalTool.RunAsync("dials.import", run.Directory, TwinCollection.Timeout, run.MasterPath);
        await ExternalTool.RunAsync("dials.find_spots", run.Directory, TwinCollection.Timeout, "imported.expt", "nproc=2");
        await ExternalTool.RunAsync("dials.index", run.Directory, TwinCollection.Timeout, "imported.expt", "strong.refl");
        var probe = await ExternalTool.ProbeAsync("twin_probe.py", run.Directory, "imported.expt", "strong.refl", "indexed.expt");

        var cell = probe["unit_cell"]!.AsArray().Select(v => (double)v!).ToArray();
        var truth = run.Twin.Sample.Crystal.UnitCell;
        double[] lengths = [.. cell[..3].Order()], expected = [.. new[] { truth.LengthA, truth.LengthB, truth.LengthC }.Order()];
        for (var i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(lengths[i] - expected[i]) / expected[i] < 0.01, $"cell {string.Join(", ", cell)} vs {truth}");
        }

        Assert.All(cell[3..], angle => Assert.InRange(angle, 89.1, 90.9));
    }
}
