using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.Zebra;

namespace Hyperion.Cli.Experiments.Rotation;

/// <summary>The rotation scan's motion profile (mx-bluesky's rotation_utils).</summary>
public static class RotationUtils
{
    /// <summary>The direction a rotation turns when none is given.</summary>
    public const RotationDirection DefaultDirection = RotationDirection.Negative;

    /// <summary>The omega speed assumed when the motor cannot say, degrees/s.</summary>
    public const double DefaultMaxVelocity = 120;

    /// <summary>
    /// How much longer than EPICS's acceleration time the run-up allows: it is better to be cautious.
    /// </summary>
    public const double AccelerationMargin = 1.5;

    /// <summary>
    /// Whether the omega motor turns the opposite way to the application's frame (mx-bluesky's OMEGA_FLIP, true on
    /// i03), so start angles and directions are negated.
    /// </summary>
    public const bool OmegaFlip = true;

    /// <summary>
    /// The motion for <paramref name="parameters"/>: the sweep plus twice a run-up (motor acceleration time, with
    /// <see cref="AccelerationMargin"/>, at the collection speed) plus the rotation while the fast shutter opens. The
    /// start is the equivalent of the requested angle nearest <paramref name="referenceAngle"/> (the current omega), so
    /// omega never unwinds whole turns. <paramref name="omegaFlip"/> says whether the motor turns against the application's frame.
    /// </summary>
    /// <exception cref="ArgumentException">The increment or exposure is not above zero.</exception>
    public static RotationMotionProfile CalculateMotionProfile(
        SingleRotationScan parameters, double motorTimeToSpeedS, double maxVelocityDegS, AngleWithPhase referenceAngle = default, bool omegaFlip = OmegaFlip)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.RotationIncrementDeg <= 0)
        {
            throw new ArgumentException($"The rotation increment must be above 0, got {parameters.RotationIncrementDeg}.", nameof(parameters));
        }

        if (parameters.ExposureTimeS <= 0)
        {
            throw new ArgumentException($"The exposure time must be above 0, got {parameters.ExposureTimeS}.", nameof(parameters));
        }

        var direction = parameters.RotationDirection;
        var startScanDeg = parameters.OmegaStartDeg;
        if (omegaFlip)
        {
            startScanDeg = -startScanDeg;
            direction = direction == RotationDirection.Negative ? RotationDirection.Positive : RotationDirection.Negative;
        }

        startScanDeg = referenceAngle.NearestTo(startScanDeg).Unwrap();

        var numImages = parameters.NumImages;
        var shutterTimeS = parameters.ShutterOpeningTimeS;
        var imageWidthDeg = parameters.RotationIncrementDeg;
        var exposureTimeS = parameters.ExposureTimeS;
        motorTimeToSpeedS *= AccelerationMargin;

        var scanWidthDeg = numImages * parameters.RotationIncrementDeg;
        var speedForRotationDegS = imageWidthDeg / exposureTimeS;
        var accelerationOffsetDeg = motorTimeToSpeedS * speedForRotationDegS;
        var startMotionDeg = startScanDeg - (accelerationOffsetDeg * direction.Multiplier());
        var shutterOpeningDeg = speedForRotationDegS * shutterTimeS;
        var totalExposureS = numImages * exposureTimeS;
        var distanceToMoveDeg = (scanWidthDeg + shutterOpeningDeg + (accelerationOffsetDeg * 2)) * direction.Multiplier();

        return new RotationMotionProfile(
            StartScanDeg: startScanDeg,
            StartMotionDeg: startMotionDeg,
            ScanWidthDeg: scanWidthDeg,
            ShutterTimeS: shutterTimeS,
            Direction: direction,
            SpeedForRotationDegS: speedForRotationDegS,
            AccelerationOffsetDeg: accelerationOffsetDeg,
            ShutterOpeningDeg: shutterOpeningDeg,
            TotalExposureS: totalExposureS,
            DistanceToMoveDeg: distanceToMoveDeg,
            MaxVelocityDegS: maxVelocityDegS);
    }
}
