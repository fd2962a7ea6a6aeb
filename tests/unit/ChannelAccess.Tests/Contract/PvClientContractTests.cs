using Hyperion.ChannelAccess.Tests.Client.Fakes;

namespace Hyperion.ChannelAccess.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IPvClient"/> must have, whatever is behind it: the Channel Access client against
/// any CA server, or the twin's in-process client. A subclass supplies the client and a source serving its PVs
/// (<see cref="CreateAsync"/>); each test gets a fresh pair and names its PVs uniquely.
/// </summary>
public abstract class PvClientContractTests : IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly string _prefix = $"CONTRACT:{Guid.NewGuid():N}"[..20] + ":";
    private ContractSetup? _setup;

    protected IPvClient Client => _setup!.Client;

    protected IContractPvSource Source => _setup!.Source;

    /// <summary>Creates the client under test and the source serving it.</summary>
    protected abstract Task<ContractSetup> CreateAsync();

    public async Task InitializeAsync() => _setup = await CreateAsync();

    public async Task DisposeAsync()
    {
        if (_setup is not null)
        {
            await _setup.Client.DisposeAsync();
            await _setup.Source.DisposeAsync();
        }
    }

    protected string Name(string suffix) => _prefix + suffix;

    protected static DbrValue Motor(double value) => new(DbrType.Double, new[] { value })
    {
        Units = "mm",
        Precision = 3,
        Limits = new DbrLimits
        {
            UpperDisplay = 10,
            LowerDisplay = -10,
            UpperAlarm = 9,
            UpperWarning = 8,
            LowerWarning = -8,
            LowerAlarm = -9,
            UpperControl = 9.5,
            LowerControl = -9.5,
        },
    };

    protected static DbrValue Shutter(ushort state) => new(DbrType.Enum, new[] { state }) { EnumStrings = ["Closed", "Open", "Moving"] };

    protected async Task<IPvChannel> ConnectAsync(string name)
    {
        var channel = Client.Channel(name);
        await channel.WaitForConnectionAsync(Timeout);
        return channel;
    }

    [Fact]
    public async Task Channel_connects_by_name_and_reports_connected()
    {
        Source.CreatePv(Name("X"), Motor(1.5));

        var channel = Client.Channel(Name("X"));
        await channel.WaitForConnectionAsync(Timeout);

        Assert.Equal(Name("X"), channel.Name);
        Assert.Equal(PvConnectionState.Connected, channel.State);
        Assert.NotNull(channel.Metadata);
    }

    [Fact]
    public void The_same_name_gives_the_same_channel()
    {
        Source.CreatePv(Name("X"), Motor(1.5));

        Assert.Same(Client.Channel(Name("X")), Client.Channel(Name("X")));
    }

    [Fact]
    public async Task Metadata_reports_native_type_count_units_precision_and_limits()
    {
        Source.CreatePv(Name("X"), Motor(1.5));

        var metadata = (await ConnectAsync(Name("X"))).Metadata!;

        Assert.Equal(DbrType.Double, metadata.NativeType);
        Assert.Equal(1, metadata.ElementCount);
        Assert.Equal("mm", metadata.Units);
        Assert.Equal(3, metadata.Precision);
        Assert.Equal(Motor(0).Limits, metadata.Limits);
        Assert.Empty(metadata.EnumStrings);
        Assert.True(metadata.CanRead);
        Assert.True(metadata.CanWrite);
    }

    [Fact]
    public async Task Metadata_reports_enum_strings()
    {
        Source.CreatePv(Name("SHUTTER"), Shutter(1));

        var metadata = (await ConnectAsync(Name("SHUTTER"))).Metadata!;

        Assert.Equal(DbrType.Enum, metadata.NativeType);
        Assert.Equal(["Closed", "Open", "Moving"], metadata.EnumStrings);
    }

    [Fact]
    public async Task Metadata_reports_the_element_count_of_an_array()
    {
        Source.CreatePv(Name("WAVE"), new DbrValue(DbrType.Long, new[] { 1, 2, 3 }), maxElements: 10);

        var metadata = (await ConnectAsync(Name("WAVE"))).Metadata!;

        Assert.Equal(DbrType.Long, metadata.NativeType);
        Assert.Equal(10, metadata.ElementCount);
    }

    [Fact]
    public async Task Metadata_of_a_read_only_pv_denies_writing()
    {
        Source.CreatePv(Name("RBV"), Motor(2));
        Source.SetReadOnly(Name("RBV"), true);

        var metadata = (await ConnectAsync(Name("RBV"))).Metadata!;

        Assert.True(metadata.CanRead);
        Assert.False(metadata.CanWrite);
    }

    [Theory]
    [InlineData(DbrCategory.Plain)]
    [InlineData(DbrCategory.Status)]
    [InlineData(DbrCategory.Time)]
    [InlineData(DbrCategory.Graphic)]
    [InlineData(DbrCategory.Control)]
    public async Task Get_returns_the_value_with_the_metadata_of_each_category(DbrCategory category)
    {
        var stamp = EpicsTimestamp.From(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var motor = Motor(0);
        Source.CreatePv(Name("X"), new DbrValue(DbrType.Double, new[] { 4.25 })
        {
            Status = AlarmStatus.High,
            Severity = AlarmSeverity.Minor,
            Timestamp = stamp,
            Units = motor.Units,
            Precision = motor.Precision,
            Limits = motor.Limits,
        });
        var channel = await ConnectAsync(Name("X"));

        var value = await channel.GetAsync(category);

        Assert.Equal(DbrType.Double, value.ValueType);
        Assert.Equal(4.25, value.GetDouble());
        if (category != DbrCategory.Plain)
        {
            Assert.Equal(AlarmStatus.High, value.Status);
            Assert.Equal(AlarmSeverity.Minor, value.Severity);
        }

        if (category == DbrCategory.Time)
        {
            Assert.Equal(stamp, value.Timestamp);
        }

        if (category is DbrCategory.Graphic or DbrCategory.Control)
        {
            Assert.Equal("mm", value.Units);
            Assert.Equal(3, value.Precision);
            Assert.Equal(10, value.Limits.UpperDisplay);
            Assert.Equal(-9, value.Limits.LowerAlarm);
            Assert.Equal(category == DbrCategory.Control ? 9.5 : 0, value.Limits.UpperControl);
        }
    }

    public static TheoryData<DbrType, object> NativeValues => new()
    {
        { DbrType.String, "hello" },
        { DbrType.Short, (short)-12 },
        { DbrType.Float, 2.5f },
        { DbrType.Enum, (ushort)2 },
        { DbrType.Char, (byte)65 },
        { DbrType.Long, 123456 },
        { DbrType.Double, -0.125 },
    };

    [Theory]
    [MemberData(nameof(NativeValues))]
    public async Task Get_returns_a_value_of_each_native_type(DbrType type, object element)
    {
        var values = Array.CreateInstance(DbrValue.ElementType(type), 1);
        values.SetValue(element, 0);
        Source.CreatePv(Name("PV"), new DbrValue(type, values) { EnumStrings = type == DbrType.Enum ? ["A", "B", "C"] : [] });
        var channel = await ConnectAsync(Name("PV"));

        var value = await channel.GetAsync(DbrCategory.Time);

        Assert.Equal(type, channel.Metadata!.NativeType);
        Assert.Equal(type, value.ValueType);
        Assert.Equal(element, value.Values.GetValue(0));
    }

    [Fact]
    public async Task Get_with_count_zero_returns_the_current_length()
    {
        Source.CreatePv(Name("WAVE"), new DbrValue(DbrType.Double, new[] { 1.0, 2.0, 3.0 }), maxElements: 10);
        var channel = await ConnectAsync(Name("WAVE"));

        var value = await channel.GetAsync(DbrCategory.Time, count: 0);

        Assert.Equal(new[] { 1.0, 2.0, 3.0 }, (double[])value.Values);
    }

    [Fact]
    public async Task Get_with_a_count_returns_that_many_elements()
    {
        Source.CreatePv(Name("WAVE"), new DbrValue(DbrType.Double, new[] { 1.0, 2.0, 3.0, 4.0 }), maxElements: 10);
        var channel = await ConnectAsync(Name("WAVE"));

        var value = await channel.GetAsync(DbrCategory.Plain, count: 2);

        Assert.Equal(new[] { 1.0, 2.0 }, (double[])value.Values);
    }

    [Fact]
    public async Task Put_changes_the_value_seen_by_the_source_and_by_get()
    {
        Source.CreatePv(Name("X"), Motor(0));
        var channel = await ConnectAsync(Name("X"));

        await channel.PutAsync(DbrValue.Of(3.5), wait: true);

        Assert.Equal(3.5, Source.GetValue(Name("X")).GetDouble());
        Assert.Equal(3.5, (await channel.GetAsync()).GetDouble());
    }

    [Fact]
    public async Task Put_without_wait_is_applied()
    {
        Source.CreatePv(Name("X"), Motor(0));
        var channel = await ConnectAsync(Name("X"));
        var updates = new AsyncQueue<DbrValue>();
        await using var subscription = channel.Subscribe(updates.Add);
        await updates.NextAsync();

        await channel.PutAsync(DbrValue.Of(7.0));

        await updates.NextAsync(v => v.GetDouble() == 7.0, Timeout);
        Assert.Equal(7.0, Source.GetValue(Name("X")).GetDouble());
    }

    [Fact]
    public async Task Put_of_a_label_to_an_enum_selects_that_state()
    {
        Source.CreatePv(Name("SHUTTER"), Shutter(0));
        var channel = await ConnectAsync(Name("SHUTTER"));

        await channel.PutAsync(DbrValue.Of("Open"), wait: true);

        Assert.Equal((ushort)1, Source.GetValue(Name("SHUTTER")).Values.GetValue(0));
        Assert.Equal("Open", (await channel.GetAsync(DbrCategory.Control)).GetString());
    }

    [Fact]
    public async Task Put_of_an_array_writes_every_element()
    {
        Source.CreatePv(Name("WAVE"), new DbrValue(DbrType.Double, new[] { 0.0 }), maxElements: 100);
        var channel = await ConnectAsync(Name("WAVE"));
        var written = Enumerable.Range(0, 100).Select(i => i * 0.5).ToArray();

        await channel.PutAsync(DbrValue.Of(written), wait: true);

        Assert.Equal(written, (double[])(await channel.GetAsync(DbrCategory.Plain)).Values);
    }

    [Fact]
    public async Task Put_and_wait_completes_only_when_the_source_completes_the_write()
    {
        Source.CreatePv(Name("VAL"), Motor(0));
        Source.SetCompletesLate(Name("VAL"), true);
        var channel = await ConnectAsync(Name("VAL"));

        var put = channel.PutAsync(DbrValue.Of(5.0), wait: true).AsTask();
        await Source.WaitForPendingWriteAsync(Name("VAL"), Timeout);

        Assert.False(put.IsCompleted);
        Source.CompletePendingWrites(Name("VAL"));
        await put.WaitAsync(Timeout);
        Assert.Equal(5.0, Source.GetValue(Name("VAL")).GetDouble());
    }

    [Fact]
    public async Task Put_to_a_read_only_pv_fails_naming_it_with_write_access_denied()
    {
        Source.CreatePv(Name("RBV"), Motor(2));
        Source.SetReadOnly(Name("RBV"), true);
        var channel = await ConnectAsync(Name("RBV"));

        var error = await Assert.ThrowsAnyAsync<PvException>(() => channel.PutAsync(DbrValue.Of(3.0), wait: true).AsTask());

        Assert.Equal(Name("RBV"), error.PvName);
        Assert.Equal(Eca.Nowtaccess, error.Status);
        Assert.Equal(2.0, Source.GetValue(Name("RBV")).GetDouble());
    }

    [Fact]
    public async Task Subscribe_delivers_the_current_value_first_then_each_change_in_order()
    {
        Source.CreatePv(Name("X"), Motor(0));
        var channel = await ConnectAsync(Name("X"));
        var updates = new AsyncQueue<DbrValue>();

        await using var subscription = channel.Subscribe(updates.Add);
        Assert.Equal(0.0, (await updates.NextAsync()).GetDouble());
        for (var i = 1; i <= 100; i++)
        {
            Source.SetValue(Name("X"), Motor(i));
        }

        for (var i = 1; i <= 100; i++)
        {
            Assert.Equal(i, (await updates.NextAsync()).GetDouble());
        }

        Assert.Same(channel, subscription.Channel);
    }

    [Fact]
    public async Task Subscribe_delivers_updates_of_the_requested_category_and_count()
    {
        Source.CreatePv(Name("WAVE"), new DbrValue(DbrType.Double, new[] { 1.0, 2.0, 3.0 }) { Units = "ct" }, maxElements: 10);
        var channel = await ConnectAsync(Name("WAVE"));
        var updates = new AsyncQueue<DbrValue>();

        await using var subscription = channel.Subscribe(updates.Add, EventMask.Value, DbrCategory.Graphic, count: 2);

        var first = await updates.NextAsync();
        Assert.Equal("ct", first.Units);
        Assert.Equal(new[] { 1.0, 2.0 }, (double[])first.Values);
    }

    [Fact]
    public async Task Subscribe_with_the_alarm_mask_skips_changes_of_value_only()
    {
        Source.CreatePv(Name("X"), Motor(0));
        var channel = await ConnectAsync(Name("X"));
        var updates = new AsyncQueue<DbrValue>();

        await using var subscription = channel.Subscribe(updates.Add, EventMask.Alarm);
        Assert.Equal(0.0, (await updates.NextAsync()).GetDouble());
        Source.SetValue(Name("X"), Motor(1));
        Source.SetValue(Name("X"), Motor(2));
        var alarm = Motor(9.5);
        Source.SetValue(Name("X"), new DbrValue(DbrType.Double, new[] { 9.5 }) { Status = AlarmStatus.HiHi, Severity = AlarmSeverity.Major, Units = alarm.Units, Precision = alarm.Precision, Limits = alarm.Limits });

        var update = await updates.NextAsync();
        Assert.Equal(9.5, update.GetDouble());
        Assert.Equal(AlarmSeverity.Major, update.Severity);
    }

    [Fact]
    public async Task A_disposed_subscription_receives_no_more_updates()
    {
        Source.CreatePv(Name("X"), Motor(0));
        var channel = await ConnectAsync(Name("X"));
        var first = new AsyncQueue<DbrValue>();
        var second = new AsyncQueue<DbrValue>();
        var subscription = channel.Subscribe(first.Add);
        await first.NextAsync();

        await subscription.DisposeAsync();
        await using var other = channel.Subscribe(second.Add);
        await second.NextAsync();
        Source.SetValue(Name("X"), Motor(1));
        await second.NextAsync(v => v.GetDouble() == 1.0);
        await channel.PutAsync(DbrValue.Of(2.0), wait: true);
        await second.NextAsync(v => v.GetDouble() == 2.0);

        Assert.Equal(1, first.Count);
    }

    [Fact]
    public async Task Several_subscriptions_on_one_channel_each_get_every_update()
    {
        Source.CreatePv(Name("X"), Motor(0));
        var channel = await ConnectAsync(Name("X"));
        var a = new AsyncQueue<DbrValue>();
        var b = new AsyncQueue<DbrValue>();
        await using var first = channel.Subscribe(a.Add);
        await using var second = channel.Subscribe(b.Add);
        await a.NextAsync();
        await b.NextAsync();

        Source.SetValue(Name("X"), Motor(3));

        Assert.Equal(3.0, (await a.NextAsync()).GetDouble());
        Assert.Equal(3.0, (await b.NextAsync()).GetDouble());
    }

    [Fact]
    public async Task State_changes_are_reported_connected_then_closed_on_dispose()
    {
        var states = new AsyncQueue<PvConnectionState>();
        var channel = Client.Channel(Name("LATE"));
        channel.StateChanged += (c, s) => states.Add(s);
        Assert.Equal(PvConnectionState.Disconnected, channel.State);

        Source.CreatePv(Name("LATE"), Motor(0));
        Assert.Equal(PvConnectionState.Connected, await states.NextAsync());
        await channel.DisposeAsync();

        Assert.Equal(PvConnectionState.Closed, await states.NextAsync());
        Assert.Equal(PvConnectionState.Closed, channel.State);
        Assert.Equal([PvConnectionState.Connected, PvConnectionState.Closed], states.History);
    }

    [Fact]
    public async Task Operations_on_a_closed_channel_fail_naming_it()
    {
        Source.CreatePv(Name("X"), Motor(0));
        var channel = await ConnectAsync(Name("X"));
        await channel.DisposeAsync();

        var error = await Assert.ThrowsAnyAsync<PvException>(() => channel.GetAsync().AsTask());

        Assert.Equal(Name("X"), error.PvName);
    }

    [Fact]
    public async Task Wait_for_connection_returns_at_once_when_connected()
    {
        Source.CreatePv(Name("X"), Motor(0));
        var channel = await ConnectAsync(Name("X"));

        var wait = channel.WaitForConnectionAsync(TimeSpan.FromMilliseconds(1));

        Assert.True(wait.IsCompletedSuccessfully);
        await wait;
    }

    [Fact]
    public async Task A_pv_that_does_not_exist_times_out_with_an_error_naming_it()
    {
        var channel = Client.Channel(Name("MISSING"));

        var error = await Assert.ThrowsAsync<PvTimeoutException>(() => channel.WaitForConnectionAsync(TimeSpan.FromMilliseconds(300)));

        Assert.Equal(Name("MISSING"), error.PvName);
        Assert.Equal("connect", error.Operation);
        Assert.Contains(Name("MISSING"), error.Message, StringComparison.Ordinal);
        Assert.Equal(PvConnectionState.Disconnected, channel.State);
    }

    [Fact]
    public async Task Many_channels_connect_together()
    {
        var names = Enumerable.Range(0, 300).Select(i => Name($"MANY{i}")).ToList();
        foreach (var name in names)
        {
            Source.CreatePv(name, DbrValue.Of((double)name.Length));
        }

        var channels = names.Select(Client.Channel).ToList();
        await Task.WhenAll(channels.Select(c => c.WaitForConnectionAsync(Timeout)));

        Assert.All(channels, c => Assert.Equal(PvConnectionState.Connected, c.State));
    }
}
