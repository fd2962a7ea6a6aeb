using Hyperion.Devices.Motors;
using Hyperion.Devices.Mx.Sample;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>
/// An undulator whose gap the beamline moves (dodal's BaseUndulator, i03 prefix SR03I-MO-SERVC-01:). A gap move
/// is refused while the machine holds gap access (unless the baton says commissioning), skipped when the gap is
/// already within the discrepancy tolerance, and not made in commissioning mode; otherwise the gap motor moves
/// with a 10 s time-out.
/// </summary>
public abstract class BaseUndulator : StandardReadable, IMovable
{
    /// <summary>How far, in mm, the gap may be from the target before it is moved (dodal's UNDULATOR_DISCREPANCY_THRESHOLD_MM).</summary>
    public const double UndulatorDiscrepancyThresholdMm = 2e-3;

    /// <summary>How long a gap move may take (dodal's STATUS_TIMEOUT_S).</summary>
    public static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(10);

    private readonly Baton? _baton;

    /// <summary>
    /// Creates the undulator on <paramref name="prefix"/>; <paramref name="poles"/>, <paramref name="length"/> (m)
    /// and <paramref name="undulatorPeriod"/> become configuration signals when given; <paramref name="baton"/>
    /// says whether the beamline is commissioning.
    /// </summary>
    protected BaseUndulator(string prefix, int? poles = null, double? length = null, int? undulatorPeriod = null, Baton? baton = null, ILogger? logger = null)
        : base(string.Empty)
    {
        _baton = baton;
        Logger = logger ?? NullLogger.Instance;
        GapAccess = Epics.SignalR<EnabledDisabledUpper>(prefix + "IDBLENA");
        GapMotor = new Motor(prefix + "BLGAPMTR");
        CurrentGap = Epics.SignalR<double>(prefix + "CURRGAPD");
        AddReadables(StandardReadableFormat.Child, GapAccess, GapMotor, CurrentGap);
        GapDiscrepancyToleranceMm = Soft.SignalRAndSetter(UndulatorDiscrepancyThresholdMm).Signal;
        AddReadables(StandardReadableFormat.ConfigSignal, GapDiscrepancyToleranceMm);
        if (poles is { } p)
        {
            Poles = Soft.SignalRAndSetter(p).Signal;
            AddReadables(StandardReadableFormat.ConfigSignal, Poles);
        }

        if (length is { } l)
        {
            Length = Soft.SignalRAndSetter(l).Signal;
            AddReadables(StandardReadableFormat.ConfigSignal, Length);
        }

        if (undulatorPeriod is { } u)
        {
            UndulatorPeriod = Soft.SignalRAndSetter(u).Signal;
            AddReadables(StandardReadableFormat.ConfigSignal, UndulatorPeriod);
        }
    }

    /// <summary>Whether the beamline may move the gap (IDBLENA).</summary>
    public SignalR<EnabledDisabledUpper> GapAccess { get; }

    /// <summary>The gap motor (BLGAPMTR), in mm.</summary>
    public Motor GapMotor { get; }

    /// <summary>The gap in mm (CURRGAPD).</summary>
    public SignalR<double> CurrentGap { get; }

    /// <summary>The discrepancy tolerance in mm (configuration).</summary>
    public SignalR<double> GapDiscrepancyToleranceMm { get; }

    /// <summary>The number of magnetic poles, when given (configuration).</summary>
    public SignalR<int>? Poles { get; }

    /// <summary>The length in m, when given (configuration).</summary>
    public SignalR<double>? Length { get; }

    /// <summary>The undulator period, when given (configuration).</summary>
    public SignalR<int>? UndulatorPeriod { get; }

    /// <summary>Where log lines go.</summary>
    protected ILogger Logger { get; }

    /// <summary>A plan's set: a number, whose unit the subclass defines.</summary>
    public Status Set(object? value) => new(SetAsync(SignalDatatype<double>.Coerce(value, Name)), this);

    /// <summary>Moves the gap for <paramref name="value"/>, in the subclass's unit.</summary>
    public abstract Task SetAsync(double value, CancellationToken cancellationToken = default);

    /// <summary>Throws <see cref="AccessErrorException"/> when gap access is disabled and the beamline is not commissioning.</summary>
    public async Task RaiseIfNotEnabledAsync(CancellationToken cancellationToken = default)
    {
        var access = await GapAccess.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (access == EnabledDisabledUpper.Disabled && !await IsCommissioningModeEnabledAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new AccessErrorException(Name, "Undulator gap access is disabled. Contact Control Room");
        }
    }

    /// <summary>Moves the gap to <paramref name="gapMm"/> as the class summary describes.</summary>
    protected async Task SetGapAsync(double gapMm, CancellationToken cancellationToken)
    {
        await RaiseIfNotEnabledAsync(cancellationToken).ConfigureAwait(false);
        var current = await CurrentGap.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var tolerance = await GapDiscrepancyToleranceMm.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (Math.Abs(gapMm - current) <= tolerance)
        {
            BeamLog.GapAlreadyInPlace(Logger);
            return;
        }

        BeamLog.MovingGap(Logger, gapMm);
        if (!await IsCommissioningModeEnabledAsync(cancellationToken).ConfigureAwait(false))
        {
            await GapMotor.SetTo(gapMm, StatusTimeout, cancellationToken).Task.ConfigureAwait(false);
        }
        else
        {
            BeamLog.NotMovingInTestMode(Logger);
        }
    }

    private async Task<bool> IsCommissioningModeEnabledAsync(CancellationToken cancellationToken) =>
        _baton is not null && await _baton.Commissioning.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
}
