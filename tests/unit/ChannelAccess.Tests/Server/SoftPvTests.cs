using Hyperion.ChannelAccess.Server;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.ChannelAccess.Tests.Server;

public class SoftPvTests
{
    private static readonly ClientIdentity Someone = new("user", "host", null);

    [Fact]
    public void Numeric_changes_beyond_mdel_are_value_events_and_beyond_adel_log_events()
    {
        var pv = new SoftPv("X", DbrValue.Of(0.0), new SoftPvOptions { MonitorDeadband = 0.5, ArchiveDeadband = 2 });
        var updates = Record(pv);
        pv.SetValue(0.4);
        pv.SetValue(0.6);
        pv.SetValue(2.5);
        Assert.Equal([EventMask.Value, EventMask.Value | EventMask.Log], updates.Select(u => u.Events));
        Assert.Equal([0.6, 2.5], updates.Select(u => u.Value.GetDouble()));
    }

    [Fact]
    public void A_zero_deadband_posts_changes_only_and_a_negative_one_every_set()
    {
        var onChange = new SoftPv("A", DbrValue.Of(1.0));
        var always = new SoftPv("B", DbrValue.Of(1.0), new SoftPvOptions { MonitorDeadband = -1, ArchiveDeadband = -1 });
        var changes = Record(onChange);
        var every = Record(always);
        onChange.SetValue(1.0);
        onChange.SetValue(2.0);
        always.SetValue(1.0);
        always.SetValue(1.0);
        Assert.Single(changes);
        Assert.Equal(2, every.Count);
    }

    [Fact]
    public void Nan_and_infinity_always_exceed_the_deadband()
    {
        var pv = new SoftPv("X", DbrValue.Of(0.0), new SoftPvOptions { MonitorDeadband = 100 });
        var updates = Record(pv);
        pv.SetValue(double.NaN);
        pv.SetValue(double.NaN);
        pv.SetValue(double.PositiveInfinity);
        pv.SetValue(double.NegativeInfinity);
        Assert.Equal(3, updates.Count);
    }

    [Fact]
    public void Alarm_changes_are_alarm_events_and_metadata_changes_property_events()
    {
        var pv = new SoftPv("X", DbrValue.Of(1.0));
        var updates = Record(pv);
        pv.SetAlarm(AlarmStatus.HiHi, AlarmSeverity.Major);
        pv.Set(new DbrValue(DbrType.Double, new[] { 1.0 }) { Status = AlarmStatus.HiHi, Severity = AlarmSeverity.Major, Units = "keV" });
        Assert.Equal([EventMask.Alarm, EventMask.Property], updates.Select(u => u.Events));
    }

    [Fact]
    public void Strings_and_enums_post_on_change_and_arrays_on_every_set()
    {
        var text = new SoftPv("S", DbrValue.Of("a"));
        var wave = new SoftPv("W", DbrValue.Of(1.0, 2.0));
        var textUpdates = Record(text);
        var waveUpdates = Record(wave);
        text.SetValue("a");
        text.SetValue("b");
        wave.SetValues(new[] { 1.0, 2.0 });
        wave.SetValues(new[] { 1.0, 2.0 });
        Assert.Single(textUpdates);
        Assert.Equal(2, waveUpdates.Count);
        Assert.All(waveUpdates, u => Assert.Equal(EventMask.Value | EventMask.Log, u.Events));
    }

    [Fact]
    public void New_values_are_stamped_by_the_time_provider_and_keep_their_metadata()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var pv = new SoftPv("X", new DbrValue(DbrType.Double, new[] { 1.0 }) { Units = "mm", Precision = 2 }, new SoftPvOptions { TimeProvider = time });
        time.Advance(TimeSpan.FromSeconds(1));
        pv.SetValue(3);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 10, TimeSpan.Zero), pv.Value.Timestamp.ToDateTimeOffset());
        Assert.Equal("mm", pv.Value.Units);
        Assert.Equal(2, pv.Value.Precision);
    }

    [Fact]
    public async Task Writes_are_converted_to_the_native_type_and_clamped_to_the_drive_limits()
    {
        var pv = new SoftPv("X", new DbrValue(DbrType.Long, new[] { 0 }) { Limits = new DbrLimits { LowerControl = -10, UpperControl = 10 } });
        Assert.Equal(Eca.Normal, await pv.WriteAsync(DbrValue.Of("7"), Someone));
        Assert.Equal(7, pv.Value.GetDouble());
        Assert.Equal(Eca.Normal, await pv.WriteAsync(DbrValue.Of(250.0), Someone));
        Assert.Equal(10, pv.Value.GetDouble());
        Assert.Equal(Eca.Putfail, await pv.WriteAsync(DbrValue.Of("seven"), Someone));
        Assert.Equal(10, pv.Value.GetDouble());
    }

    [Fact]
    public async Task Read_only_pvs_refuse_writes_and_report_read_access()
    {
        var pv = new SoftPv("X", DbrValue.Of(1.0), new SoftPvOptions { ReadOnly = true });
        Assert.Equal(AccessRights.Read, pv.RightsFor(Someone));
        Assert.Equal(Eca.Nowtaccess, await pv.WriteAsync(DbrValue.Of(2.0), Someone));
    }

    [Fact]
    public void An_access_rule_decides_by_client()
    {
        var pv = new SoftPv("X", DbrValue.Of(1.0), new SoftPvOptions { AccessRule = c => c.UserName == "operator" ? AccessRights.ReadWrite : AccessRights.Read });
        Assert.Equal(AccessRights.ReadWrite, pv.RightsFor(new ClientIdentity("operator", "h", null)));
        Assert.Equal(AccessRights.Read, pv.RightsFor(Someone));
    }

    [Fact]
    public async Task A_write_handler_completes_the_write_when_it_likes()
    {
        var done = new TaskCompletionSource<EcaStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pv = new SoftPv("MOTOR", DbrValue.Of(0.0), new SoftPvOptions
        {
            WriteHandler = async (self, value, client, ct) =>
            {
                self.Set(value);
                return await done.Task;
            },
        });
        var write = pv.WriteAsync(DbrValue.Of(5.0), Someone).AsTask();
        Assert.Equal(5.0, pv.Value.GetDouble());
        Assert.False(write.IsCompleted);
        done.SetResult(Eca.Normal);
        Assert.Equal(Eca.Normal, await write.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Arrays_longer_than_nelm_are_refused()
    {
        var pv = new SoftPv("W", DbrValue.Of(1.0, 2.0), new SoftPvOptions { MaxElements = 3 });
        Assert.Equal(3, pv.MaxElements);
        Assert.Throws<ArgumentOutOfRangeException>(() => pv.SetValues(new[] { 1.0, 2, 3, 4 }));
        pv.SetValues(new[] { 9, 8, 7 });
        Assert.Equal(new[] { 9.0, 8, 7 }, (double[])pv.Value.Values);
    }

    [Fact]
    public void Disposed_subscriptions_hear_nothing_more()
    {
        var pv = new SoftPv("X", DbrValue.Of(1.0));
        var updates = new List<PvUpdate>();
        var subscription = pv.Subscribe(updates.Add);
        pv.SetValue(2);
        subscription.Dispose();
        subscription.Dispose();
        pv.SetValue(3);
        Assert.Single(updates);
        Assert.Equal(0, pv.SubscriberCount);
    }

    [Fact]
    public void The_provider_finds_pvs_by_exact_name_and_refuses_duplicates()
    {
        var provider = new InMemoryPvProvider();
        var pv = provider.AddSoft("A:B", DbrValue.Of(1.0));
        Assert.Same(pv, provider.Find("A:B"));
        Assert.Null(provider.Find("a:b"));
        Assert.Throws<ArgumentException>(() => provider.AddSoft("A:B", DbrValue.Of(2.0)));
        Assert.True(provider.Remove("A:B"));
        Assert.Null(provider.Find("A:B"));
        Assert.Throws<KeyNotFoundException>(() => provider["A:B"]);
    }

    private static List<PvUpdate> Record(SoftPv pv)
    {
        var updates = new List<PvUpdate>();
        pv.Subscribe(updates.Add);
        return updates;
    }
}
