using Hyperion.Devices.Mx.Zebra;

namespace Hyperion.Cli.Experiments.Rotation;

/// <summary>
/// The numbers a rotation sweep moves by (mx-bluesky's RotationMotionProfile): the sweep plus an acceleration run-up at
/// each end, plus the rotation the fast shutter needs to open, all in the motor's frame (after any omega flip).
/// </summary>
/// <param name="StartScanDeg">The angle of the first image, degrees, in the motor's frame.</param>
/// <param name="StartMotionDeg">Where the motor starts, run-up included, degrees.</param>
/// <param name="ScanWidthDeg">The angle the images cover, degrees.</param>
/// <param name="ShutterTimeS">How long the fast shutter takes to open, s.</param>
/// <param name="Direction">The way the motor turns.</param>
/// <param name="SpeedForRotationDegS">The speed while collecting: increment over exposure, degrees/s.</param>
/// <param name="AccelerationOffsetDeg">The run-up at each end, degrees.</param>
/// <param name="ShutterOpeningDeg">The rotation while the shutter opens, degrees.</param>
/// <param name="TotalExposureS">Images times exposure, s.</param>
/// <param name="DistanceToMoveDeg">The signed relative move that does the whole sweep, degrees.</param>
/// <param name="MaxVelocityDegS">The motor's fastest speed, for the move to the start, degrees/s.</param>
public sealed record RotationMotionProfile(
    double StartScanDeg,
    double StartMotionDeg,
    double ScanWidthDeg,
    double ShutterTimeS,
    RotationDirection Direction,
    double SpeedForRotationDegS,
    double AccelerationOffsetDeg,
    double ShutterOpeningDeg,
    double TotalExposureS,
    double DistanceToMoveDeg,
    double MaxVelocityDegS);
