using Hyperion.Devices.Core;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>
/// The Eiger's do_arm: setting it to anything starts arming and returns the arming status, so a plan arms in the
/// background with abs_set(eiger.do_arm, 1) and waits on the group later.
/// </summary>
public sealed class ArmingSignal : Device, IMovable
{
    private readonly EigerDetector _detector;

    internal ArmingSignal(EigerDetector detector)
        : base(string.Empty)
    {
        _detector = detector;
    }

    /// <summary>Starts arming (the value is ignored); the status completes when the detector is armed.</summary>
    public Status Set(object? value) => _detector.AsyncStage();
}
