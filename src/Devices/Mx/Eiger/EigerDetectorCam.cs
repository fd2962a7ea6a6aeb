using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>
/// The part of ophyd's areaDetector EigerDetectorCam that dodal drives (prefix e.g. BL03I-EA-EIGER-01:CAM:):
/// each signal writes X and reads X_RBV.
/// </summary>
public sealed class EigerDetectorCam(string prefix, string name = "") : Device(name)
{
    /// <summary>ImageMode MULTIPLE, the value dodal arms with.</summary>
    public const int ImageModeMultiple = 1;

    /// <summary>Acquire: 1 arms, 0 disarms.</summary>
    public SignalRW<int> Acquire { get; } = Epics.SignalRWRbv<int>(prefix + "Acquire");

    /// <summary>AcquireTime, s.</summary>
    public SignalRW<double> AcquireTime { get; } = Epics.SignalRWRbv<double>(prefix + "AcquireTime");

    /// <summary>AcquirePeriod, s.</summary>
    public SignalRW<double> AcquirePeriod { get; } = Epics.SignalRWRbv<double>(prefix + "AcquirePeriod");

    /// <summary>NumExposures.</summary>
    public SignalRW<int> NumExposures { get; } = Epics.SignalRWRbv<int>(prefix + "NumExposures");

    /// <summary>ImageMode (0 single, 1 multiple, 2 continuous).</summary>
    public SignalRW<int> ImageMode { get; } = Epics.SignalRWRbv<int>(prefix + "ImageMode");

    /// <summary>TriggerMode (see <see cref="InternalEigerTriggerMode"/>).</summary>
    public SignalRW<int> TriggerMode { get; } = Epics.SignalRWRbv<int>(prefix + "TriggerMode");

    /// <summary>NumImages (per trigger).</summary>
    public SignalRW<int> NumImages { get; } = Epics.SignalRWRbv<int>(prefix + "NumImages");

    /// <summary>NumTriggers.</summary>
    public SignalRW<int> NumTriggers { get; } = Epics.SignalRWRbv<int>(prefix + "NumTriggers");

    /// <summary>BeamX, pixels.</summary>
    public SignalRW<double> BeamCenterX { get; } = Epics.SignalRWRbv<double>(prefix + "BeamX");

    /// <summary>BeamY, pixels.</summary>
    public SignalRW<double> BeamCenterY { get; } = Epics.SignalRWRbv<double>(prefix + "BeamY");

    /// <summary>DetDist, mm.</summary>
    public SignalRW<double> DetDistance { get; } = Epics.SignalRWRbv<double>(prefix + "DetDist");

    /// <summary>OmegaStart, degrees.</summary>
    public SignalRW<double> OmegaStart { get; } = Epics.SignalRWRbv<double>(prefix + "OmegaStart");

    /// <summary>OmegaIncr, degrees.</summary>
    public SignalRW<double> OmegaIncr { get; } = Epics.SignalRWRbv<double>(prefix + "OmegaIncr");

    /// <summary>PhotonEnergy, eV: what dodal's set_detector_threshold writes (not ThresholdEnergy).</summary>
    public SignalRW<double> PhotonEnergy { get; } = Epics.SignalRWRbv<double>(prefix + "PhotonEnergy");

    /// <summary>ROIMode: 1 the 4M region of interest, 0 the full detector.</summary>
    public SignalRW<int> RoiMode { get; } = Epics.SignalRWRbv<int>(prefix + "ROIMode");
}
