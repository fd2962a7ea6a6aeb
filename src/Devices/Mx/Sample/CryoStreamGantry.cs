using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Sample;

/// <summary>The gantry that swaps the cryojet and the HC1 over the sample (dodal's CryoStreamGantry, i03 prefix BL03I).</summary>
public sealed class CryoStreamGantry : StandardReadable
{
    /// <summary>Creates the gantry on the beamline <paramref name="prefix"/>.</summary>
    public CryoStreamGantry(string prefix, string name = "")
        : base(string.Empty)
    {
        CryostreamSelector = Epics.SignalR<CryoStreamSelection>(prefix + "-EA-GANT-01:CTRL");
        Hc1Selected = Epics.SignalR<int>(prefix + "-MO-STEP-02:GPIO_INP_BITS.B2");
        CryostreamSelected = Epics.SignalR<int>(prefix + "-MO-STEP-02:GPIO_INP_BITS.B3");
        AddReadables(StandardReadableFormat.ConfigSignal, CryostreamSelector, Hc1Selected, CryostreamSelected);
        SetName(name);
    }

    /// <summary>-EA-GANT-01:CTRL.</summary>
    public SignalR<CryoStreamSelection> CryostreamSelector { get; }

    /// <summary>-MO-STEP-02:GPIO_INP_BITS.B2.</summary>
    public SignalR<int> Hc1Selected { get; }

    /// <summary>-MO-STEP-02:GPIO_INP_BITS.B3.</summary>
    public SignalR<int> CryostreamSelected { get; }
}
