using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Sample;

/// <summary>
/// The Oxford Cryosystems cryostream controller (dodal's OxfordCryoStream, i03 prefix BL03I-EA-CSTRM-01:): its
/// commands, ramp/plateau/cool settings and status. Identity and turbo settings are configuration; the rest of
/// the readable signals are read. Its <see cref="Stop"/> is the controller's STOP command, as in dodal.
/// </summary>
public sealed class OxfordCryoStream : StandardReadable
{
    /// <summary>Creates the cryostream on <paramref name="prefix"/>.</summary>
    public OxfordCryoStream(string prefix, string name = "")
        : base(string.Empty)
    {
        Turbo = Epics.SignalRW<string>(prefix + "TURBO");
        TurboMode = Epics.SignalRW<TurboEnum>(prefix + "TURBOMODE");
        Status = Epics.SignalR<string>(prefix + "STATUS.SEVR");
        PumpUptime = Epics.SignalR<double>(prefix + "RUNTIME");
        ControllerNumber = Epics.SignalR<double>(prefix + "CTRLNUM");
        SoftwareVersion = Epics.SignalR<double>(prefix + "VER");
        EvapAdjust = Epics.SignalR<double>(prefix + "EVAPADJUST");
        Series = Epics.SignalR<string>(prefix + "SERIES");
        Purge = Epics.SignalX(prefix + "PURGE.PROC");
        Hold = Epics.SignalX(prefix + "HOLD.PROC");
        Start = Epics.SignalX(prefix + "RESTART.PROC");
        Pause = Epics.SignalX(prefix + "PAUSE.PROC");
        Resume = Epics.SignalX(prefix + "RESUME.PROC");
        End = Epics.SignalX(prefix + "END.PROC");
        Stop = Epics.SignalX(prefix + "STOP.PROC");
        RampRate = Epics.SignalRW<double>(prefix + "RRATE");
        RampTemp = Epics.SignalRW<double>(prefix + "RTEMP");
        Ramp = Epics.SignalX(prefix + "RAMP.PROC");
        PlatTime = Epics.SignalRW<double>(prefix + "PTIME");
        Plat = Epics.SignalX(prefix + "PLAT.PROC");
        CoolTemp = Epics.SignalRW<double>(prefix + "CTEMP");
        Cool = Epics.SignalX(prefix + "COOL.PROC");
        EndRate = Epics.SignalRW<double>(prefix + "ERATE");
        Setpoint = Epics.SignalR<double>(prefix + "SETPOINT");
        Temp = Epics.SignalR<double>(prefix + "TEMP");
        Error = Epics.SignalR<double>(prefix + "ERROR");
        Mode = Epics.SignalR<string>(prefix + "RUNMODE");
        Phase = Epics.SignalR<string>(prefix + "PHASE");
        RampRateSetpoint = Epics.SignalR<double>(prefix + "RAMPRATE");
        TargetTemp = Epics.SignalR<double>(prefix + "TARGETTEMP");
        EvapTemp = Epics.SignalR<double>(prefix + "EVAPTEMP");
        TimeRemaining = Epics.SignalR<double>(prefix + "REMAINING");
        GasFlow = Epics.SignalR<double>(prefix + "GASFLOW");
        GasHeat = Epics.SignalR<double>(prefix + "GASHEAT");
        EvapHeat = Epics.SignalR<double>(prefix + "EVAPHEAT");
        SuctTemp = Epics.SignalR<double>(prefix + "SUCTTEMP");
        SuctHeat = Epics.SignalR<double>(prefix + "SUCTHEAT");
        BackPressure = Epics.SignalR<double>(prefix + "BACKPRESS");
        AddReadables(StandardReadableFormat.ConfigSignal, Turbo, TurboMode, Status, PumpUptime, ControllerNumber, SoftwareVersion, EvapAdjust, Series);
        AddReadables(StandardReadableFormat.Child, RampRate, RampTemp, PlatTime, CoolTemp, EndRate, Setpoint, Temp, Error, Mode, Phase, RampRateSetpoint, TargetTemp, EvapTemp, TimeRemaining, GasFlow, GasHeat, EvapHeat, SuctTemp, SuctHeat, BackPressure);
        SetName(name);
    }

    /// <summary>TURBO.</summary>
    public SignalRW<string> Turbo { get; }

    /// <summary>TURBOMODE.</summary>
    public SignalRW<TurboEnum> TurboMode { get; }

    /// <summary>STATUS.SEVR.</summary>
    public SignalR<string> Status { get; }

    /// <summary>RUNTIME.</summary>
    public SignalR<double> PumpUptime { get; }

    /// <summary>CTRLNUM.</summary>
    public SignalR<double> ControllerNumber { get; }

    /// <summary>VER.</summary>
    public SignalR<double> SoftwareVersion { get; }

    /// <summary>EVAPADJUST.</summary>
    public SignalR<double> EvapAdjust { get; }

    /// <summary>SERIES.</summary>
    public SignalR<string> Series { get; }

    /// <summary>PURGE.PROC.</summary>
    public SignalX Purge { get; }

    /// <summary>HOLD.PROC.</summary>
    public SignalX Hold { get; }

    /// <summary>RESTART.PROC.</summary>
    public SignalX Start { get; }

    /// <summary>PAUSE.PROC.</summary>
    public SignalX Pause { get; }

    /// <summary>RESUME.PROC.</summary>
    public SignalX Resume { get; }

    /// <summary>END.PROC.</summary>
    public SignalX End { get; }

    /// <summary>STOP.PROC.</summary>
    public SignalX Stop { get; }

    /// <summary>RRATE.</summary>
    public SignalRW<double> RampRate { get; }

    /// <summary>RTEMP.</summary>
    public SignalRW<double> RampTemp { get; }

    /// <summary>RAMP.PROC.</summary>
    public SignalX Ramp { get; }

    /// <summary>PTIME.</summary>
    public SignalRW<double> PlatTime { get; }

    /// <summary>PLAT.PROC.</summary>
    public SignalX Plat { get; }

    /// <summary>CTEMP.</summary>
    public SignalRW<double> CoolTemp { get; }

    /// <summary>COOL.PROC.</summary>
    public SignalX Cool { get; }

    /// <summary>ERATE.</summary>
    public SignalRW<double> EndRate { get; }

    /// <summary>SETPOINT.</summary>
    public SignalR<double> Setpoint { get; }

    /// <summary>TEMP.</summary>
    public SignalR<double> Temp { get; }

    /// <summary>ERROR.</summary>
    public SignalR<double> Error { get; }

    /// <summary>RUNMODE.</summary>
    public SignalR<string> Mode { get; }

    /// <summary>PHASE.</summary>
    public SignalR<string> Phase { get; }

    /// <summary>RAMPRATE.</summary>
    public SignalR<double> RampRateSetpoint { get; }

    /// <summary>TARGETTEMP.</summary>
    public SignalR<double> TargetTemp { get; }

    /// <summary>EVAPTEMP.</summary>
    public SignalR<double> EvapTemp { get; }

    /// <summary>REMAINING.</summary>
    public SignalR<double> TimeRemaining { get; }

    /// <summary>GASFLOW.</summary>
    public SignalR<double> GasFlow { get; }

    /// <summary>GASHEAT.</summary>
    public SignalR<double> GasHeat { get; }

    /// <summary>EVAPHEAT.</summary>
    public SignalR<double> EvapHeat { get; }

    /// <summary>SUCTTEMP.</summary>
    public SignalR<double> SuctTemp { get; }

    /// <summary>SUCTHEAT.</summary>
    public SignalR<double> SuctHeat { get; }

    /// <summary>BACKPRESS.</summary>
    public SignalR<double> BackPressure { get; }
}
