using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Tests.Signals;

public enum ShutterState
{
    [EnumLabel("Closed")]
    Closed,

    [EnumLabel("Open")]
    Open,
}
