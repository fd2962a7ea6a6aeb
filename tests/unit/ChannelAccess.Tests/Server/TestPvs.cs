using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Server;

/// <summary>The PVs the server tests serve: one of each native type, arrays, and PVs with restricted access.</summary>
public static class TestPvs
{
    public static readonly EpicsTimestamp Stamp = new(1_000_000_000, 123_456_789);

    public static readonly DbrLimits DoubleLimits = new()
    {
        UpperDisplay = 10,
        LowerDisplay = -10,
        UpperAlarm = 9,
        UpperWarning = 8,
        LowerWarning = -8,
        LowerAlarm = -9,
        UpperControl = 5,
        LowerControl = -5,
    };

    public static readonly string[] EnumStates = ["Off", "On", "Fault"];

    public static InMemoryPvProvider Create()
    {
        var provider = new InMemoryPvProvider();
        provider.AddSoft("TEST:DOUBLE", new DbrValue(DbrType.Double, new[] { 3.14159 })
        {
            Units = "mm",
            Precision = 3,
            Limits = DoubleLimits,
            Status = AlarmStatus.High,
            Severity = AlarmSeverity.Minor,
            Timestamp = Stamp,
        });
        provider.AddSoft("TEST:LONG", new DbrValue(DbrType.Long, new[] { 42 }) { Units = "cts", Timestamp = Stamp });
        provider.AddSoft("TEST:SHORT", new DbrValue(DbrType.Short, new short[] { -7 }) { Timestamp = Stamp });
        provider.AddSoft("TEST:FLOAT", new DbrValue(DbrType.Float, new[] { 2.5f }) { Precision = 2, Timestamp = Stamp });
        provider.AddSoft("TEST:CHAR", new DbrValue(DbrType.Char, new byte[] { 65 }) { Timestamp = Stamp });
        provider.AddSoft("TEST:STRING", new DbrValue(DbrType.String, new[] { "hello" }) { Timestamp = Stamp });
        provider.AddSoft("TEST:ENUM", new DbrValue(DbrType.Enum, new ushort[] { 1 }) { EnumStrings = EnumStates, Timestamp = Stamp });
        provider.AddSoft("TEST:WAVE", new DbrValue(DbrType.Double, new[] { 1.0, 2, 3, 4, 5 }) { Timestamp = Stamp }, new SoftPvOptions { MaxElements = 10 });
        provider.AddSoft("TEST:EMPTY", DbrValue.Empty(DbrType.Double), new SoftPvOptions { MaxElements = 100 });
        provider.AddSoft("TEST:RO", DbrValue.Of(1.5), new SoftPvOptions { ReadOnly = true });
        provider.AddSoft("TEST:HIDDEN", DbrValue.Of(2.5), new SoftPvOptions { AccessRule = _ => AccessRights.None });
        provider.AddSoft("TEST:DEADBAND", DbrValue.Of(0.0), new SoftPvOptions { MonitorDeadband = 1.0, ArchiveDeadband = 5.0 });
        return provider;
    }
}
