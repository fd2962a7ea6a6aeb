using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Optics;

/// <summary>An attenuator that only reports its transmission (dodal's ReadOnlyAttenuator).</summary>
public class ReadOnlyAttenuator : StandardReadable
{
    /// <summary>Creates the attenuator on <paramref name="prefix"/> (e.g. BL03I-EA-ATTN-01:).</summary>
    public ReadOnlyAttenuator(string prefix, string name = "")
        : base(string.Empty)
    {
        ActualTransmission = Epics.SignalR<double>(prefix + "MATCH");
        AddReadables(StandardReadableFormat.Child, ActualTransmission);
        SetName(name);
    }

    /// <summary>
    /// MATCH: the closest transmission (0–1) the filters can give to the desired one. It updates as soon as the
    /// desired transmission is set, before the filters have moved: it is not a readback.
    /// </summary>
    public SignalR<double> ActualTransmission { get; }
}
