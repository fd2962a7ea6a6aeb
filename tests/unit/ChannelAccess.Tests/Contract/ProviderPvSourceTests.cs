using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Contract;

/// <summary>The provider-backed contract source behaves as the contract tests expect of a server's PVs.</summary>
public class ProviderPvSourceTests
{
    [Fact]
    public void It_serves_only_the_pvs_created()
    {
        var source = new ProviderPvSource();
        source.CreatePv("A", DbrValue.Of(1.0), maxElements: 4);

        var pv = source.Find("A")!;

        Assert.Null(source.Find("B"));
        Assert.Equal(DbrType.Double, pv.NativeType);
        Assert.Equal(4, pv.MaxElements);
        Assert.Equal(1.0, pv.Read().GetDouble());
        Assert.NotEqual(default, pv.Read().Timestamp);
    }

    [Fact]
    public async Task A_late_write_is_applied_at_once_and_completes_when_told()
    {
        var source = new ProviderPvSource();
        source.CreatePv("VAL", DbrValue.Of(0.0));
        source.SetCompletesLate("VAL", true);

        var write = source.Find("VAL")!.WriteAsync(DbrValue.Of(5.0), ClientIdentity.Anonymous).AsTask();
        await source.WaitForPendingWriteAsync("VAL", TimeSpan.FromSeconds(5));

        Assert.False(write.IsCompleted);
        Assert.Equal(5.0, source.GetValue("VAL").GetDouble());
        source.CompletePendingWrites("VAL");
        Assert.Equal(Eca.Normal, await write);
    }

    [Fact]
    public void A_read_only_pv_grants_only_reading()
    {
        var source = new ProviderPvSource();
        source.CreatePv("RBV", DbrValue.Of(0.0));

        source.SetReadOnly("RBV", true);

        Assert.Equal(AccessRights.Read, source.Find("RBV")!.RightsFor(ClientIdentity.Anonymous));
    }

    [Fact]
    public void Changes_are_reported_with_the_events_a_record_would_post()
    {
        var source = new ProviderPvSource();
        source.CreatePv("X", DbrValue.Of(0.0));
        var updates = new List<PvUpdate>();
        using var subscription = source.Find("X")!.Subscribe(updates.Add);

        source.SetValue("X", DbrValue.Of(1.0));
        source.SetValue("X", new DbrValue(DbrType.Double, new[] { 2.0 }) { Severity = AlarmSeverity.Major, Status = AlarmStatus.HiHi });
        source.SetValue("X", new DbrValue(DbrType.Double, new[] { 2.0 }) { Severity = AlarmSeverity.Major, Status = AlarmStatus.HiHi, Units = "mm" });

        Assert.Equal(
            [EventMask.Value | EventMask.Log, EventMask.Value | EventMask.Log | EventMask.Alarm, EventMask.Value | EventMask.Log | EventMask.Property],
            updates.Select(u => u.Events));
    }
}
