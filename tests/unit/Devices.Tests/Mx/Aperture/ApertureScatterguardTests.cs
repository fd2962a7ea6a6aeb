using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;
using Hyperion.Devices.Motors;
using Hyperion.Devices.Mx.Aperture;

namespace Hyperion.Devices.Tests.Mx.Aperture;

public class ApertureScatterguardTests
{
    internal static async Task<(ApertureScatterguard Device, List<string> Moves)> MockApSgAsync(ApertureValue? at = null)
    {
        var parameters = await BeamlineParameters.FromFileAsync(TestDataFiles.BeamlineParameters);
        var device = new ApertureScatterguard(
            "BL03I-MO-MAPT-01:",
            "BL03I-MO-SCAT-01:",
            ApertureScatterguardConfiguration.Load(parameters),
            AperturePosition.TolerancesFromGdaParams(parameters),
            "aperture_scatterguard");
        await device.ConnectAsync(new DeviceConnectOptions { Mock = true });
        var moves = new List<string>();
        foreach (var motor in Motors(device))
        {
            motor.UserSetpoint.Mock!.PutCallback = (value, _) =>
            {
                lock (moves)
                {
                    moves.Add(motor.Name["aperture_scatterguard-".Length..]);
                }

                motor.UserReadback.Mock!.SetValue(value);
                return Task.CompletedTask;
            };
        }

        if (at is { } value)
        {
            var position = device.Configuration.AperturePositions[value];
            PlaceAt(device, position);
            if (value == ApertureValue.Parked)
            {
                // The i03 parked x positions are within tolerance of the scintillator-move ones, which are checked
                // first; move x away so that the state reads as parked.
                device.Aperture.X.UserReadback.Mock!.SetValue(0);
            }
            (value switch
            {
                ApertureValue.Large => device.Aperture.Large,
                ApertureValue.Medium => device.Aperture.Medium,
                ApertureValue.Small => device.Aperture.Small,
                _ => null,
            })?.Mock!.SetValue(1);
        }

        return (device, moves);
    }

    private static Motor[] Motors(ApertureScatterguard device) =>
        [device.Aperture.X, device.Aperture.Y, device.Aperture.Z, device.Scatterguard.X, device.Scatterguard.Y];

    private static void PlaceAt(ApertureScatterguard device, AperturePosition position)
    {
        var motors = Motors(device);
        for (var i = 0; i < motors.Length; i++)
        {
            motors[i].UserReadback.Mock!.SetValue(position.Values[i]);
        }
    }

    [Fact]
    public void The_axes_use_dodals_pvs()
    {
        var device = new ApertureScatterguard("BL03I-MO-MAPT-01:", "BL03I-MO-SCAT-01:", new ApertureScatterguardConfiguration(new Dictionary<ApertureValue, AperturePosition>(), 0, 0), new AperturePosition(0, 0, 0, 0, 0), "aperture_scatterguard");
        Assert.Equal("BL03I-MO-MAPT-01:X.VAL", ((PvSignalBackend<double>)device.Aperture.X.UserSetpoint.Backend).ReadPv);
        Assert.Equal("BL03I-MO-MAPT-01:Y.RBV", ((PvSignalBackend<double>)device.Aperture.Y.UserReadback.Backend).ReadPv);
        Assert.Equal("BL03I-MO-MAPT-01:Z.DMOV", ((PvSignalBackend<int>)device.Aperture.Z.MotorDoneMove.Backend).ReadPv);
        Assert.Equal("BL03I-MO-MAPT-01:Y:SMALL_CALC", ((PvSignalBackend<double>)device.Aperture.Small.Backend).ReadPv);
        Assert.Equal("BL03I-MO-MAPT-01:Y:MEDIUM_CALC", ((PvSignalBackend<double>)device.Aperture.Medium.Backend).ReadPv);
        Assert.Equal("BL03I-MO-MAPT-01:Y:LARGE_CALC", ((PvSignalBackend<double>)device.Aperture.Large.Backend).ReadPv);
        Assert.Equal("BL03I-MO-SCAT-01:X.VAL", ((PvSignalBackend<double>)device.Scatterguard.X.UserSetpoint.Backend).ReadPv);
        Assert.Equal("BL03I-MO-SCAT-01:Y.VAL", ((PvSignalBackend<double>)device.Scatterguard.Y.UserSetpoint.Backend).ReadPv);
        Assert.Equal("aperture_scatterguard-selected_aperture", device.SelectedAperture.Name);
    }

    [Theory]
    [InlineData(ApertureValue.Large)]
    [InlineData(ApertureValue.Medium)]
    [InlineData(ApertureValue.Small)]
    [InlineData(ApertureValue.OutOfBeam)]
    [InlineData(ApertureValue.Parked)]
    public async Task The_selected_aperture_reads_from_the_calcs_and_positions(ApertureValue value)
    {
        var (device, _) = await MockApSgAsync(value);
        Assert.Equal(value, await device.SelectedAperture.GetValueAsync());
    }

    [Fact]
    public async Task The_scintillator_move_position_is_recognised_by_the_x_axes()
    {
        var (device, _) = await MockApSgAsync(ApertureValue.Large);
        device.Aperture.X.UserReadback.Mock!.SetValue(-4.912);
        device.Scatterguard.X.UserReadback.Mock!.SetValue(-4.7);
        Assert.Equal(ApertureValue.ScinMove, await device.SelectedAperture.GetValueAsync());
        await Assert.ThrowsAsync<KeyNotFoundException>(() => device.Diameter.GetValueAsync());
    }

    [Fact]
    public async Task An_unknown_state_is_an_invalid_aperture_move_error()
    {
        var (device, _) = await MockApSgAsync();
        device.Aperture.Y.UserReadback.Mock!.SetValue(10);
        var error = await Assert.ThrowsAsync<InvalidApertureMoveException>(() => device.SelectedAperture.GetValueAsync());
        Assert.Equal("Current aperture/scatterguard state unrecognised", error.Message);
    }

    [Theory]
    [InlineData(ApertureValue.Small, 20.0)]
    [InlineData(ApertureValue.Medium, 50.0)]
    [InlineData(ApertureValue.Large, 100.0)]
    [InlineData(ApertureValue.OutOfBeam, double.PositiveInfinity)]
    public async Task The_diameter_follows_the_selected_aperture(ApertureValue value, double diameter)
    {
        var (device, _) = await MockApSgAsync(value);
        Assert.Equal(diameter, await device.Diameter.GetValueAsync());
        Assert.Equal("µm", (await device.Diameter.DescribeAsync())["aperture_scatterguard-diameter"].Units);
    }

    [Fact]
    public async Task Reading_gives_the_hinted_selection_diameter_and_axis_readbacks()
    {
        var (device, _) = await MockApSgAsync(ApertureValue.Medium);
        var reading = await device.ReadAsync();
        Assert.Equal(
            ["aperture_scatterguard-selected_aperture", "aperture_scatterguard-diameter", "aperture_scatterguard-aperture-x", "aperture_scatterguard-aperture-y", "aperture_scatterguard-aperture-z", "aperture_scatterguard-scatterguard-x", "aperture_scatterguard-scatterguard-y"],
            reading.Keys);
        Assert.Equal("MEDIUM_APERTURE", reading["aperture_scatterguard-selected_aperture"].Value);
        Assert.Equal(["aperture_scatterguard-selected_aperture"], device.Hints.Fields);
    }

    [Fact]
    public async Task Moving_up_moves_the_scatterguard_before_the_aperture()
    {
        var (device, moves) = await MockApSgAsync(ApertureValue.Large);
        await device.SelectedAperture.SetAsync(ApertureValue.Small);
        Assert.Equal(["scatterguard-x", "scatterguard-y"], moves[..2].Order());
        Assert.Equal(["aperture-x", "aperture-y", "aperture-z"], moves[2..].Order());
        Assert.Equal(48.974, await device.Aperture.Y.UserReadback.GetValueAsync());
        Assert.Equal(-3.55, await device.Scatterguard.Y.UserReadback.GetValueAsync());
    }

    [Fact]
    public async Task Moving_down_moves_the_aperture_before_the_scatterguard()
    {
        var (device, moves) = await MockApSgAsync(ApertureValue.Small);
        await device.SelectedAperture.SetAsync(ApertureValue.Large);
        Assert.Equal(["aperture-x", "aperture-y", "aperture-z"], moves[..3].Order());
        Assert.Equal(["scatterguard-x", "scatterguard-y"], moves[3..].Order());
    }

    [Fact]
    public async Task Going_out_of_the_beam_moves_only_aperture_y()
    {
        var (device, moves) = await MockApSgAsync(ApertureValue.Small);
        await device.SelectedAperture.SetAsync(ApertureValue.OutOfBeam);
        Assert.Equal(["aperture-y"], moves);
        Assert.Equal(31.4, await device.Aperture.Y.UserReadback.GetValueAsync());
    }

    [Fact]
    public async Task From_parked_z_moves_out_from_under_the_table_first()
    {
        var (device, moves) = await MockApSgAsync(ApertureValue.Parked);
        await device.SelectedAperture.SetAsync(ApertureValue.Medium);
        Assert.Equal("aperture-z", moves[0]);
        Assert.Equal(6, moves.Count);
    }

    [Theory]
    [InlineData(ApertureValue.Parked, "Currently not able to park aperture/scatterguard, see https://github.com/DiamondLightSource/mx-bluesky/issues/1197")]
    [InlineData(ApertureValue.ScinMove, "The SCIN_MOVE position cannot be set directly - use move_scintillator_safely plan instead.")]
    public async Task Parked_and_scintillator_move_cannot_be_set(ApertureValue value, string message)
    {
        var (device, moves) = await MockApSgAsync(ApertureValue.Large);
        var error = await Assert.ThrowsAsync<NotImplementedException>(() => device.SelectedAperture.SetAsync(value));
        Assert.Equal(message, error.Message);
        Assert.Empty(moves);
    }

    [Fact]
    public async Task Nothing_moves_while_in_the_scintillator_move_position()
    {
        var (device, moves) = await MockApSgAsync(ApertureValue.Large);
        device.Aperture.X.UserReadback.Mock!.SetValue(-4.91);
        device.Scatterguard.X.UserReadback.Mock!.SetValue(-4.75);
        var error = await Assert.ThrowsAsync<NotImplementedException>(() => device.SelectedAperture.SetAsync(ApertureValue.Small));
        Assert.StartsWith("Cannot move aperture-scatterguard while in SCIN_MOVE position", error.Message, StringComparison.Ordinal);
        Assert.Empty(moves);
    }

    [Fact]
    public async Task A_z_outside_tolerance_refuses_the_move()
    {
        var (device, moves) = await MockApSgAsync(ApertureValue.Large);
        device.Aperture.Z.UserReadback.Mock!.SetValue(16.0);
        var error = await Assert.ThrowsAsync<InvalidApertureMoveException>(() => device.SelectedAperture.SetAsync(ApertureValue.Small));
        Assert.Equal("Current aperture z (16.0), outside of tolerance (0.1) from target (15.8).", error.Message);
        Assert.Empty(moves);
    }

    [Fact]
    public async Task An_axis_still_moving_refuses_the_move()
    {
        var (device, moves) = await MockApSgAsync(ApertureValue.Large);
        device.Scatterguard.Y.MotorDoneMove.Mock!.SetValue(0);
        var error = await Assert.ThrowsAsync<InvalidApertureMoveException>(() => device.SelectedAperture.SetAsync(ApertureValue.Small));
        Assert.Equal("aperture_scatterguard-scatterguard-y is still moving. Wait for it to finish beforetriggering another move.", error.Message);
        Assert.Empty(moves);
    }

    [Fact]
    public async Task Preparing_from_out_of_the_beam_moves_everything_but_aperture_y()
    {
        var (device, moves) = await MockApSgAsync(ApertureValue.OutOfBeam);
        await device.Prepare(ApertureValue.Small);
        Assert.Equal(["aperture-x", "aperture-z", "scatterguard-x", "scatterguard-y"], moves.Order());
        Assert.Equal(31.4, await device.Aperture.Y.UserReadback.GetValueAsync());
        Assert.Equal(5.3375, await device.Scatterguard.X.UserReadback.GetValueAsync());
    }

    [Fact]
    public async Task Preparing_in_the_beam_sets_the_selected_aperture()
    {
        var (device, moves) = await MockApSgAsync(ApertureValue.Large);
        await device.Prepare(ApertureValue.Medium);
        Assert.Equal(5, moves.Count);
        Assert.Equal(44.967, await device.Aperture.Y.UserReadback.GetValueAsync());
    }

    [Fact]
    public async Task The_scintillator_move_position_names_the_x_axes()
    {
        var (device, _) = await MockApSgAsync();
        var position = device.GetScinMovePosition();
        Assert.Equal(-4.91, position[device.Aperture.X]);
        Assert.Equal(-4.75, position[device.Scatterguard.X]);
        Assert.Equal("Out_of_beam", ApertureValue.OutOfBeam.ToDisplayString());
    }
}
