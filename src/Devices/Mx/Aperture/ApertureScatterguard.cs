using Hyperion.Devices.Motors;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Mx.Aperture;

/// <summary>
/// The mini-aperture and scatterguard moved as one (dodal's mx_phase1 ApertureScatterguard). Reading
/// <see cref="SelectedAperture"/> works out the position from the IOC's in-position calcs and the motors; setting
/// it moves safely: never from an unknown z or while an axis moves, the scatterguard first when going up (so it
/// cannot hit the cryostream), only aperture y to go out of the beam, and out from under the collimation table
/// first when parked. Parking and the scintillator-move position are not set through it.
/// </summary>
public sealed class ApertureScatterguard : StandardReadable, IPreparable
{
    private readonly ApertureScatterguardConfiguration _config;
    private readonly AperturePosition _tolerances;

    /// <summary>Creates the device on the two prefixes (e.g. BL03I-MO-MAPT-01:, BL03I-MO-SCAT-01:).</summary>
    public ApertureScatterguard(string aperturePrefix, string scatterguardPrefix, ApertureScatterguardConfiguration config, AperturePosition tolerances, string name = "")
        : base(string.Empty)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tolerances);
        _config = config;
        _tolerances = tolerances;
        Aperture = new Aperture(aperturePrefix);
        Scatterguard = new Scatterguard(scatterguardPrefix);
        SelectedAperture = Derived.SignalRW<ApertureValue>(GetCurrentAperturePositionAsync, SetCurrentAperturePositionAsync);
        Diameter = Derived.SignalR(GetDiameterAsync, units: "µm");
        AddReadables(StandardReadableFormat.HintedSignal, SelectedAperture);
        AddReadables(StandardReadableFormat.Child, Diameter);
        AddReadables(StandardReadableFormat.Child, Aperture.X.UserReadback, Aperture.Y.UserReadback, Aperture.Z.UserReadback, Scatterguard.X.UserReadback, Scatterguard.Y.UserReadback);
        SetName(name);
    }

    /// <summary>The mini-aperture.</summary>
    public Aperture Aperture { get; }

    /// <summary>The scatterguard.</summary>
    public Scatterguard Scatterguard { get; }

    /// <summary>The current position; setting it moves there safely.</summary>
    public SignalRW<ApertureValue> SelectedAperture { get; }

    /// <summary>The selected aperture's diameter in µm (infinite out of the beam or parked).</summary>
    public SignalR<double> Diameter { get; }

    /// <summary>The positions in use.</summary>
    public ApertureScatterguardConfiguration Configuration => _config;

    /// <summary>
    /// Gets ready for <paramref name="value"/> (an <see cref="ApertureValue"/>): when out of the beam, moves every
    /// axis but aperture y, so the assembly stays out of the beam; otherwise sets <see cref="SelectedAperture"/>.
    /// </summary>
    public Status Prepare(object? value) => new(PrepareAsync(SignalDatatype<ApertureValue>.Coerce(value, Name)), this);

    /// <inheritdoc cref="Prepare"/>
    public async Task PrepareAsync(ApertureValue value, CancellationToken cancellationToken = default)
    {
        var (_, _, apY, apZ) = await ReadbacksAsync(cancellationToken).ConfigureAwait(false);
        if (IsInPosition(ApertureValue.OutOfBeam, 0, 0, apY, apZ))
        {
            var position = Position(value);
            await Task.WhenAll(
                Aperture.X.MoveToAsync(position.ApertureX, cancellationToken: cancellationToken),
                Aperture.Z.MoveToAsync(position.ApertureZ, cancellationToken: cancellationToken),
                Scatterguard.X.MoveToAsync(position.ScatterguardX, cancellationToken: cancellationToken),
                Scatterguard.Y.MoveToAsync(position.ScatterguardY, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        else
        {
            await SelectedAperture.SetAsync(value, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Moves all five axes at once to <paramref name="position"/>. Collisions are possible.</summary>
    public Task SetRawUnsafeAsync(AperturePosition position, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(position);
        return Task.WhenAll(
            Aperture.X.MoveToAsync(position.ApertureX, cancellationToken: cancellationToken),
            Aperture.Y.MoveToAsync(position.ApertureY, cancellationToken: cancellationToken),
            Aperture.Z.MoveToAsync(position.ApertureZ, cancellationToken: cancellationToken),
            Scatterguard.X.MoveToAsync(position.ScatterguardX, cancellationToken: cancellationToken),
            Scatterguard.Y.MoveToAsync(position.ScatterguardY, cancellationToken: cancellationToken));
    }

    /// <summary>Where aperture x and scatterguard x go for a scintillator move.</summary>
    public IReadOnlyDictionary<Motor, double> GetScinMovePosition() => new Dictionary<Motor, double>
    {
        [Aperture.X] = _config.ScintillatorMoveApertureX,
        [Scatterguard.X] = _config.ScintillatorMoveScatterguardX,
    };

    private AperturePosition Position(ApertureValue value) =>
        _config.AperturePositions.TryGetValue(value, out var position)
            ? position
            : throw new KeyNotFoundException($"{Name}: {value.ToDisplayString()} has no configured position.");

    private bool IsInPosition(ApertureValue value, double sgX, double apX, double apY, double apZ)
    {
        if (value == ApertureValue.ScinMove)
        {
            return IsClose(_config.ScintillatorMoveApertureX, apX, _tolerances.ApertureX)
                && IsClose(_config.ScintillatorMoveScatterguardX, sgX, _tolerances.ScatterguardX);
        }

        var position = Position(value);
        return Math.Abs(apY - position.ApertureY) <= _tolerances.ApertureY && Math.Abs(apZ - position.ApertureZ) <= _tolerances.ApertureZ;
    }

    // Python's math.isclose(a, b, abs_tol=tolerance), with its default relative tolerance of 1e-9.
    private static bool IsClose(double a, double b, double tolerance) =>
        Math.Abs(a - b) <= Math.Max(1e-9 * Math.Max(Math.Abs(a), Math.Abs(b)), tolerance);

    private async Task<(double SgX, double ApX, double ApY, double ApZ)> ReadbacksAsync(CancellationToken cancellationToken)
    {
        var sgX = Scatterguard.X.UserReadback.GetValueAsync(cancellationToken: cancellationToken);
        var apX = Aperture.X.UserReadback.GetValueAsync(cancellationToken: cancellationToken);
        var apY = Aperture.Y.UserReadback.GetValueAsync(cancellationToken: cancellationToken);
        var apZ = Aperture.Z.UserReadback.GetValueAsync(cancellationToken: cancellationToken);
        return (await sgX.ConfigureAwait(false), await apX.ConfigureAwait(false), await apY.ConfigureAwait(false), await apZ.ConfigureAwait(false));
    }

    private async Task<ApertureValue> GetCurrentAperturePositionAsync(CancellationToken cancellationToken)
    {
        var large = await Aperture.Large.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var medium = await Aperture.Medium.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var small = await Aperture.Small.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var (sgX, apX, apY, apZ) = await ReadbacksAsync(cancellationToken).ConfigureAwait(false);
        if (IsInPosition(ApertureValue.ScinMove, sgX, apX, apY, apZ))
        {
            return ApertureValue.ScinMove;
        }

        if (large == 1)
        {
            return ApertureValue.Large;
        }

        if (medium == 1)
        {
            return ApertureValue.Medium;
        }

        if (small == 1)
        {
            return ApertureValue.Small;
        }

        if (IsInPosition(ApertureValue.Parked, sgX, apX, apY, apZ))
        {
            return ApertureValue.Parked;
        }

        return IsInPosition(ApertureValue.OutOfBeam, sgX, apX, apY, apZ)
            ? ApertureValue.OutOfBeam
            : throw new InvalidApertureMoveException("Current aperture/scatterguard state unrecognised");
    }

    private async Task<double> GetDiameterAsync(CancellationToken cancellationToken)
    {
        var selected = await SelectedAperture.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return Position(selected).Diameter;
    }

    private async Task SetCurrentAperturePositionAsync(ApertureValue value, CancellationToken cancellationToken)
    {
        if (value == ApertureValue.Parked)
        {
            throw new NotImplementedException("Currently not able to park aperture/scatterguard, see https://github.com/DiamondLightSource/mx-bluesky/issues/1197");
        }

        if (value == ApertureValue.ScinMove)
        {
            throw new NotImplementedException("The SCIN_MOVE position cannot be set directly - use move_scintillator_safely plan instead.");
        }

        var position = Position(value);
        var (sgX, apX, apY, apZ) = await ReadbacksAsync(cancellationToken).ConfigureAwait(false);
        if (IsInPosition(ApertureValue.ScinMove, sgX, apX, apY, apZ))
        {
            throw new NotImplementedException("Cannot move aperture-scatterguard while in SCIN_MOVE position, please ensure scintillator move is complete and restore the aperture-scatterguard position.");
        }

        if (IsInPosition(ApertureValue.Parked, sgX, apX, apY, apZ))
        {
            // Out from under the collimation table before anything moves up.
            await Aperture.Z.MoveToAsync(position.ApertureZ, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await CheckSafeToMoveAsync(position.ApertureZ, cancellationToken).ConfigureAwait(false);
        if (value == ApertureValue.OutOfBeam)
        {
            await Aperture.Y.MoveToAsync(position.ApertureY, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SafeMoveWhilstInBeamAsync(position, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CheckSafeToMoveAsync(double expectedZ, CancellationToken cancellationToken)
    {
        var currentZ = await Aperture.Z.UserReadback.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (Math.Abs(currentZ - expectedZ) > _tolerances.ApertureZ)
        {
            throw new InvalidApertureMoveException(
                $"Current aperture z ({PythonFormat.Float(currentZ)}), outside of tolerance ({PythonFormat.Float(_tolerances.ApertureZ)}) from target ({PythonFormat.Float(expectedZ)}).");
        }

        foreach (var axis in new[] { Aperture.X, Aperture.Y, Aperture.Z, Scatterguard.X, Scatterguard.Y })
        {
            if (await axis.MotorDoneMove.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false) == 0)
            {
                // dodal's message runs "before" into "triggering"; kept so the text matches.
                throw new InvalidApertureMoveException($"{axis.Name} is still moving. Wait for it to finish beforetriggering another move.");
            }
        }
    }

    private async Task SafeMoveWhilstInBeamAsync(AperturePosition position, CancellationToken cancellationToken)
    {
        var currentApY = await Aperture.Y.UserReadback.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Task MoveAperture() => Task.WhenAll(
            Aperture.X.MoveToAsync(position.ApertureX, cancellationToken: cancellationToken),
            Aperture.Y.MoveToAsync(position.ApertureY, cancellationToken: cancellationToken),
            Aperture.Z.MoveToAsync(position.ApertureZ, cancellationToken: cancellationToken));
        Task MoveScatterguard() => Task.WhenAll(
            Scatterguard.X.MoveToAsync(position.ScatterguardX, cancellationToken: cancellationToken),
            Scatterguard.Y.MoveToAsync(position.ScatterguardY, cancellationToken: cancellationToken));

        // Going up, the scatterguard moves first so the aperture cannot collide with it near the cryostream.
        if (position.ApertureY > currentApY)
        {
            await MoveScatterguard().ConfigureAwait(false);
            await MoveAperture().ConfigureAwait(false);
        }
        else
        {
            await MoveAperture().ConfigureAwait(false);
            await MoveScatterguard().ConfigureAwait(false);
        }
    }
}
