using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Aperture;
using Hyperion.SimBeamline.Beam;
using Hyperion.SimBeamline.Clock;
using Hyperion.SimBeamline.Diffraction;
using Hyperion.SimBeamline.Tests.Diffraction;

namespace Hyperion.SimBeamline.Tests.Beam;

/// <summary>The beam at the sample follows the mini-aperture and the undulator, on the twin and in its frames.</summary>
public sealed class BeamSimulationTests : IAsyncLifetime
{
    private const string Aperture = "BL03S-MO-MAPT-01:";
    private const string Undulator = "SR03S-MO-SERVC-01:";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private SimulatedBeamline _twin = null!;
    private ChannelAccess.InProcess.InProcessPvClient _client = null!;
    private TwinPvs _pvs = null!;

    public Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03", new ScaledTimeProvider(20));
        _client = _twin.CreateClient();
        _pvs = new TwinPvs(_twin, _client, Timeout);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _twin.DisposeAsync();
    }

    [Fact]
    public async Task The_twin_starts_with_the_large_aperture_in_and_the_undulator_tuned_to_the_dcm()
    {
        var beam = _twin.Beam.Current();
        Assert.Equal(ApertureValue.Large, beam.Aperture.Position);
        Assert.InRange(beam.UndulatorFactor, 0.999, 1);
        Assert.Equal(1e12 * beam.RingFactor, beam.Beam.FluxPhotonsPerSecond, 1e12 * 1e-4);
        Assert.InRange(beam.RingFactor, 0.95, 1);
        Assert.Equal((80.0, 20.0), (beam.Beam.SizeXMicrons, beam.Beam.SizeYMicrons));

        // dodal's device reads the same position from the calc PVs the twin keeps.
        var device = await ConnectApertureAsync();
        Assert.Equal(ApertureValue.Large, await device.SelectedAperture.GetValueAsync());
        await _pvs.WaitForAsync(() => _pvs.Read("BL03S-MO-FLUX-01:SAMP") > 0.95e12, "the flux monitor");
    }

    [Fact]
    public async Task The_small_aperture_narrows_the_beam_and_cuts_its_flux_to_its_factor()
    {
        var device = await ConnectApertureAsync();
        await device.SelectedAperture.SetAsync(ApertureValue.Small).WaitAsync(Timeout);

        var beam = _twin.Beam.Current();
        Assert.Equal(ApertureValue.Small, beam.Aperture.Position);
        Assert.Equal((20.0, 20.0), (beam.Beam.SizeXMicrons, beam.Beam.SizeYMicrons));
        Assert.Equal(1e12 * beam.RingFactor * 0.084 / 0.738, beam.Beam.FluxPhotonsPerSecond, 1e12 * 1e-4);
        Assert.Equal(ApertureValue.Small, await device.SelectedAperture.GetValueAsync());
        Assert.Equal(20, await device.Diameter.GetValueAsync());
        await _pvs.WaitForAsync(() => Math.Abs(_pvs.Read("BL03S-MO-FLUX-01:SAMP") - beam.Beam.FluxPhotonsPerSecond) < 1e-2 * beam.Beam.FluxPhotonsPerSecond, "the flux monitor to follow");
        Assert.Equal(0, _pvs.Read(Aperture + "Y:LARGE_CALC"));
    }

    [Fact]
    public async Task Between_holes_the_aperture_block_stops_the_beam_and_out_of_the_beam_it_all_passes()
    {
        await _pvs.PutAsync(Aperture + "Y.VAL", 43);
        var blocked = _twin.Beam.Current();
        Assert.Null(blocked.Aperture.Position);
        Assert.True(blocked.Aperture.BlocksBeam);
        Assert.Equal(0, blocked.Beam.FluxPhotonsPerSecond);

        var device = await ConnectApertureAsync();
        await device.SelectedAperture.SetAsync(ApertureValue.OutOfBeam).WaitAsync(Timeout);
        var clear = _twin.Beam.Current();
        Assert.Equal(ApertureValue.OutOfBeam, clear.Aperture.Position);
        Assert.Equal(_twin.Beam.FullFlux * clear.RingFactor, clear.Beam.FluxPhotonsPerSecond, 1e12 * 1e-4);
        Assert.Equal(double.PositiveInfinity, await device.Diameter.GetValueAsync());
    }

    [Fact]
    public void The_aperture_changes_the_diffraction_the_renderer_predicts()
    {
        var model = _twin.Beam.Aperture;
        FrameTruth Predict(ApertureValue value)
        {
            var p = model.Configuration.AperturePositions[value];
            var state = model.StateAt(p.ApertureX, p.ApertureY, p.ApertureZ);
            var beam = Thaumatin.Beam with
            {
                FluxPhotonsPerSecond = _twin.Beam.FullFlux * state.FluxFactor,
                SizeXMicrons = Math.Min(80, state.DiameterMicrons),
                SizeYMicrons = Math.Min(20, state.DiameterMicrons),
            };
            return Thaumatin.Renderer.Predict(Thaumatin.Still() with { Beam = beam });
        }

        var (large, small) = (Predict(ApertureValue.Large), Predict(ApertureValue.Small));

        // The 20 µm hole lights a 20 µm slice of the 50 µm-wide crystal, with an eighth of the photons.
        Assert.InRange(small.IlluminatedVolumeCubicMicrons / large.IlluminatedVolumeCubicMicrons, 0.2, 0.6);
        var (largeCounts, smallCounts) = (large.Reflections.Sum(r => r.ExpectedCounts), small.Reflections.Sum(r => r.ExpectedCounts));
        Assert.InRange(smallCounts / largeCounts, 0.05, 0.25);
        Assert.True(small.ExpectedBackgroundCounts < large.ExpectedBackgroundCounts / 5);
    }

    [Fact]
    public async Task A_dcm_energy_change_detunes_the_undulator_until_its_gap_follows()
    {
        await _pvs.PutAsync("BL03S-MO-DCM-01:ENERGY.VAL", 11);
        var detuned = _twin.Beam.Current();
        Assert.True(detuned.UndulatorFactor < 1e-6, $"undulator factor {detuned.UndulatorFactor} with the gap left at 12.7 keV");
        Assert.True(detuned.Beam.FluxPhotonsPerSecond < 1e6);

        var gap = _twin.Beam.Undulator.GapFor(11);
        await _pvs.PutAsync(Undulator + "BLGAPMTR.VAL", gap);
        var tuned = _twin.Beam.Current();
        Assert.InRange(tuned.UndulatorFactor, 0.999, 1);
        await _pvs.WaitForAsync(() => Math.Abs(_pvs.Read(Undulator + "CURRGAPD") - gap) < 1e-3, "CURRGAPD to follow the gap");

        // Half a line width off the harmonic, half the flux.
        var halfWidthGap = _twin.Beam.Undulator.GapFor(11 * (1 + (_twin.Beam.Undulator.RelativeLineWidth / 2)));
        await _pvs.PutAsync(Undulator + "BLGAPMTR.VAL", halfWidthGap);
        Assert.InRange(_twin.Beam.Current().UndulatorFactor, 0.45, 0.55);
    }

    [Fact]
    public void The_undulator_gap_table_reads_as_dodal_reads_it_and_refuses_bad_rows()
    {
        var model = UndulatorModel.Parse("# gaps\nUnits eV mm\n5700 5.4606\n6000 5.5462  # comment\n\n7000 5.9018\n");
        Assert.Equal(5.5462, model.GapFor(6), 9);
        Assert.Equal(5.4606, model.GapFor(1), 9);
        Assert.Equal(6.5, model.TunedEnergyKev(model.GapFor(6.5)), 9);
        Assert.Equal(1, model.FluxFactor(model.GapFor(6.5), 6.5), 9);
        Assert.Equal(0, model.FluxFactor(double.NaN, 6.5));

        var error = Assert.Throws<FormatException>(() => UndulatorModel.Parse("5700 5.4\n6000 five\n", "lut.txt"));
        Assert.Contains("lut.txt, line 2", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => UndulatorModel.Parse("5700 5.4\n5600 5.5\n"));
        Assert.Throws<ArgumentException>(() => UndulatorModel.Parse("5700 5.4\n"));
    }

    [Fact]
    public void A_hole_moved_sideways_off_the_beam_blocks_it()
    {
        var model = _twin.Beam.Aperture;
        var large = model.Configuration.AperturePositions[ApertureValue.Large];
        Assert.Equal(ApertureValue.Large, model.StateAt(large.ApertureX + 0.04, large.ApertureY, large.ApertureZ).Position);
        Assert.True(model.StateAt(large.ApertureX + 0.06, large.ApertureY, large.ApertureZ).BlocksBeam);
    }

    private async Task<ApertureScatterguard> ConnectApertureAsync()
    {
        var device = I03Beamline.Create("s03").Get<ApertureScatterguard>("aperture_scatterguard");
        await device.ConnectAsync(new DeviceConnectOptions { PvClient = _client, Timeout = Timeout });
        return device;
    }
}
