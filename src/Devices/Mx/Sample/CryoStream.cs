using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Sample;

/// <summary>
/// The i03 cryostream and cryojet as one device (dodal's older CryoStream, prefix BL03I): the cryojet's coarse
/// and fine In/Out controls and the cryostream's temperature and back pressure. Nothing is read; plans check the
/// temperature and pressure against <see cref="MaxTempK"/> and <see cref="MaxPressureBar"/>.
/// </summary>
public sealed class CryoStream : StandardReadable
{
    /// <summary>The warmest the sample may be, in K, before a robot load is refused (used by plans).</summary>
    public const double MaxTempK = 110;

    /// <summary>The highest back pressure, in bar, before a robot load is refused (used by plans).</summary>
    public const double MaxPressureBar = 0.1;

    /// <summary>Creates the device on the beamline <paramref name="prefix"/> (e.g. BL03I).</summary>
    public CryoStream(string prefix, string name = "")
        : base(string.Empty)
    {
        Course = Epics.SignalRW<InOut>(prefix + "-EA-CJET-01:COARSE:CTRL");
        Fine = Epics.SignalRW<InOut>(prefix + "-EA-CJET-01:FINE:CTRL");
        TemperatureK = Epics.SignalR<double>(prefix + "-EA-CSTRM-01:TEMP");
        BackPressureBar = Epics.SignalR<double>(prefix + "-EA-CSTRM-01:BACKPRESS");
        SetName(name);
    }

    /// <summary>The cryojet's coarse control, spelt "course" as dodal spells it (-EA-CJET-01:COARSE:CTRL).</summary>
    public SignalRW<InOut> Course { get; }

    /// <summary>The cryojet's fine control (-EA-CJET-01:FINE:CTRL).</summary>
    public SignalRW<InOut> Fine { get; }

    /// <summary>The cryostream temperature in K (-EA-CSTRM-01:TEMP).</summary>
    public SignalR<double> TemperatureK { get; }

    /// <summary>The cryostream back pressure in bar (-EA-CSTRM-01:BACKPRESS).</summary>
    public SignalR<double> BackPressureBar { get; }
}
