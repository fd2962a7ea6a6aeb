namespace Hyperion.Devices.Mx.Eiger;

/// <summary>The values of CAM:TriggerMode (dodal's InternalEigerTriggerMode); dodal arms in <see cref="ExternalSeries"/>.</summary>
public enum InternalEigerTriggerMode
{
    /// <summary>0.</summary>
    InternalSeries = 0,

    /// <summary>1.</summary>
    InternalEnable = 1,

    /// <summary>2: one series per external trigger.</summary>
    ExternalSeries = 2,

    /// <summary>3.</summary>
    ExternalEnable = 3,
}
