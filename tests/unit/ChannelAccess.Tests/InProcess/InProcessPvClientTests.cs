using Hyperion.ChannelAccess.InProcess;
using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.Tests.Client.Fakes;
using Hyperion.ChannelAccess.Tests.Contract;
using Hyperion.ChannelAccess.Tests.Server;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.ChannelAccess.Tests.InProcess;

/// <summary>What the contract does not cover: masks, access rights, special types, disposal, ordering, searching.</summary>
public sealed class InProcessPvClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly InMemoryPvProvider _provider = TestPvs.Create();
    private readonly InProcessPvClient _client;

    public InProcessPvClientTests() => _client = new InProcessPvClient(_provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Fact]
    public async Task The_log_mask_follows_the_archive_deadband_not_the_monitor_one()
    {
        var channel = await ConnectAsync("TEST:DEADBAND");
        var pv = (SoftPv)_provider["TEST:DEADBAND"];
        var updates = new AsyncQueue<DbrValue>();
        await using var subscription = channel.Subscribe(updates.Add, EventMask.Log);
        Assert.Equal(0.0, (await updates.NextAsync()).GetDouble());

        pv.SetValue(2);
        pv.SetValue(6);

        Assert.Equal(6.0, (await updates.NextAsync()).GetDouble());
        Assert.Equal([0.0, 6.0], updates.History.Select(v => v.GetDouble()));
    }

    [Fact]
    public async Task The_property_mask_hears_metadata_changes_only()
    {
        var source = new ProviderPvSource();
        await using var client = new InProcessPvClient(source);
        source.CreatePv("P", new DbrValue(DbrType.Double, new[] { 1.0 }) { Units = "mm" });
        var channel = client.Channel("P");
        await channel.WaitForConnectionAsync(Timeout);
        var updates = new AsyncQueue<DbrValue>();
        await using var subscription = channel.Subscribe(updates.Add, EventMask.Property, DbrCategory.Control);
        await updates.NextAsync();

        source.SetValue("P", new DbrValue(DbrType.Double, new[] { 2.0 }) { Units = "mm" });
        source.SetValue("P", new DbrValue(DbrType.Double, new[] { 3.0 }) { Units = "um" });

        var update = await updates.NextAsync();
        Assert.Equal("um", update.Units);
        Assert.Equal(3.0, update.GetDouble());
    }

    [Fact]
    public async Task A_pv_without_read_access_connects_but_refuses_reads_and_subscriptions()
    {
        var channel = await ConnectAsync("TEST:HIDDEN");
        var pv = (SoftPv)_provider["TEST:HIDDEN"];

        Assert.False(channel.Metadata!.CanRead);
        Assert.False(channel.Metadata.CanWrite);
        Assert.Equal(string.Empty, channel.Metadata.Units);
        var read = await Assert.ThrowsAsync<PvException>(() => channel.GetAsync().AsTask());
        Assert.Equal(Eca.Nordaccess, read.Status);
        var write = await Assert.ThrowsAsync<PvException>(() => channel.PutAsync(DbrValue.Of(1.0)).AsTask());
        Assert.Equal(Eca.Nowtaccess, write.Status);
        await using var subscription = channel.Subscribe(_ => Assert.Fail("no update may come"));
        Assert.Equal(0, pv.SubscriberCount);
    }

    [Fact]
    public async Task Put_without_wait_to_a_read_only_pv_is_refused_before_it_is_sent()
    {
        var channel = await ConnectAsync("TEST:RO");

        var error = await Assert.ThrowsAsync<PvException>(() => channel.PutAsync(DbrValue.Of(9.0), wait: false).AsTask());

        Assert.Equal(Eca.Nowtaccess, error.Status);
        Assert.Equal(1.5, _provider["TEST:RO"].Read().GetDouble());
    }

    [Fact]
    public async Task The_special_types_read_class_name_and_acknowledgement_and_refuse_writes()
    {
        var channel = await ConnectAsync("TEST:DOUBLE");

        Assert.Equal("soft", (await channel.GetAsync(DbrType.ClassName)).GetString());
        Assert.Equal(DbrType.Enum, (await channel.GetAsync(DbrType.PutAckt)).ValueType);
        var stsack = await channel.GetAsync(DbrType.StsackString);
        Assert.Equal(AlarmSeverity.Minor, stsack.Severity);
        Assert.Equal("3.142", stsack.GetString());
        var error = await Assert.ThrowsAsync<PvException>(() => channel.PutAsync(DbrType.PutAcks, new DbrValue(DbrType.Enum, new ushort[] { 2 }), wait: true).AsTask());
        Assert.Equal(Eca.Putfail, error.Status);
    }

    [Fact]
    public async Task Strings_are_cut_to_what_dbr_string_carries()
    {
        var channel = await ConnectAsync("TEST:STRING");

        await channel.PutAsync(DbrValue.Of(new string('y', 60)), wait: true);

        Assert.Equal(new string('y', 39), (await channel.GetAsync()).GetString());
    }

    [Fact]
    public async Task Counts_beyond_the_pv_or_the_array_limit_fail_as_over_ca()
    {
        await using var small = new InProcessPvClient(_provider, new InProcessPvClientOptions { MaxArrayBytes = 32 });
        var channel = await ConnectAsync("TEST:WAVE");
        var limited = small.Channel("TEST:WAVE");
        await limited.WaitForConnectionAsync(Timeout);

        Assert.Equal(Eca.Badcount, (await Assert.ThrowsAsync<PvException>(() => channel.GetAsync(DbrCategory.Plain, 11).AsTask())).Status);
        Assert.Equal(Eca.Badcount, (await Assert.ThrowsAsync<PvException>(() => channel.PutAsync(DbrValue.Of(new double[11]), wait: true).AsTask())).Status);
        Assert.Equal(Eca.Tolarge, (await Assert.ThrowsAsync<PvException>(() => limited.GetAsync(DbrCategory.Plain, 5).AsTask())).Status);
        Assert.Equal(Eca.Tolarge, (await Assert.ThrowsAsync<PvException>(() => limited.PutAsync(DbrValue.Of(new double[5])).AsTask())).Status);
    }

    [Fact]
    public async Task A_subscription_made_before_the_channel_connects_starts_when_it_does()
    {
        var source = new ProviderPvSource();
        await using var client = new InProcessPvClient(source);
        var channel = client.Channel("LATER");
        var updates = new AsyncQueue<DbrValue>();
        await using var subscription = channel.Subscribe(updates.Add);

        source.CreatePv("LATER", DbrValue.Of(4.0));

        Assert.Equal(4.0, (await updates.NextAsync()).GetDouble());
    }

    [Fact]
    public async Task Updates_arrive_in_order_one_at_a_time_and_a_throwing_callback_does_not_stop_them()
    {
        var channel = await ConnectAsync("TEST:LONG");
        var pv = (SoftPv)_provider["TEST:LONG"];
        var updates = new AsyncQueue<double>();
        var running = 0;
        var overlapped = false;
        await using var subscription = channel.Subscribe(value =>
        {
            overlapped |= Interlocked.Increment(ref running) != 1;
            updates.Add(value.GetDouble());
            Interlocked.Decrement(ref running);
            if (value.GetDouble() == 1)
            {
                throw new InvalidOperationException("a broken callback");
            }
        });
        await updates.NextAsync();

        for (var i = 1; i <= 1000; i++)
        {
            pv.SetValue(i);
        }

        for (var i = 1; i <= 1000; i++)
        {
            Assert.Equal(i, await updates.NextAsync());
        }

        Assert.False(overlapped);
    }

    [Fact]
    public async Task Callbacks_run_under_no_lock_of_the_client_or_the_provider()
    {
        var channel = await ConnectAsync("TEST:DOUBLE");
        var pv = (SoftPv)_provider["TEST:DOUBLE"];
        using var release = new ManualResetEventSlim();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = channel.Subscribe(value =>
        {
            if (value.GetDouble() == 1.0)
            {
                entered.TrySetResult();
                finished.TrySetResult(release.Wait(Timeout));
            }
        });
        pv.SetValue(1.0);
        await entered.Task.WaitAsync(Timeout);

        // With the callback held, everything else on the channel and the PV still works.
        pv.SetValue(2.0);
        Assert.Equal(2.0, (await channel.GetAsync()).GetDouble());
        await channel.PutAsync(DbrValue.Of(3.0), wait: true);
        var other = new AsyncQueue<DbrValue>();
        await using var second = channel.Subscribe(other.Add);
        await other.NextAsync(v => v.GetDouble() == 3.0, Timeout);
        _client.SearchNow();
        release.Set();

        Assert.True(await finished.Task.WaitAsync(Timeout));
    }

    [Fact]
    public async Task Disposing_the_client_closes_channels_fails_waiting_puts_and_ends_subscriptions()
    {
        var source = new ProviderPvSource();
        var client = new InProcessPvClient(source);
        source.CreatePv("M", DbrValue.Of(0.0));
        source.SetCompletesLate("M", true);
        var channel = client.Channel("M");
        var states = new AsyncQueue<PvConnectionState>();
        channel.StateChanged += (_, s) => states.Add(s);
        await channel.WaitForConnectionAsync(Timeout);
        var updates = new AsyncQueue<DbrValue>();
        var subscription = channel.Subscribe(updates.Add);
        await updates.NextAsync();
        var put = channel.PutAsync(DbrValue.Of(5.0), wait: true).AsTask();
        await source.WaitForPendingWriteAsync("M", Timeout);
        await updates.NextAsync(v => v.GetDouble() == 5.0, Timeout);

        await client.DisposeAsync();

        var error = await Assert.ThrowsAsync<PvException>(() => put.WaitAsync(Timeout));
        Assert.Equal(Eca.Chandestroy, error.Status);
        Assert.Equal(PvConnectionState.Closed, channel.State);
        await states.NextAsync(s => s == PvConnectionState.Closed, Timeout);
        Assert.Null(channel.Metadata);
        Assert.Throws<ObjectDisposedException>(() => client.Channel("M"));
        await Assert.ThrowsAsync<PvException>(() => channel.WaitForConnectionAsync(Timeout));
        Assert.Throws<PvException>(() => channel.Subscribe(_ => { }));
        await subscription.DisposeAsync();
        source.SetValue("M", DbrValue.Of(7.0));
        Assert.DoesNotContain(updates.History, v => v.GetDouble() == 7.0);
    }

    [Fact]
    public async Task A_disposed_channel_is_forgotten_and_its_name_gives_a_new_one()
    {
        var channel = await ConnectAsync("TEST:DOUBLE");
        var pv = (SoftPv)_provider["TEST:DOUBLE"];
        await using var subscription = channel.Subscribe(_ => { });
        Assert.Equal(1, pv.SubscriberCount);

        await channel.DisposeAsync();

        Assert.Equal(0, pv.SubscriberCount);
        var again = _client.Channel("TEST:DOUBLE");
        Assert.NotSame(channel, again);
        await again.WaitForConnectionAsync(Timeout);
    }

    [Fact]
    public async Task A_missing_pv_is_looked_for_again_each_search_period_of_the_time_provider()
    {
        var time = new FakeTimeProvider();
        var lookups = new CountingProvider(_provider);
        await using var client = new InProcessPvClient(lookups, new InProcessPvClientOptions { SearchPeriod = TimeSpan.FromSeconds(1) }, time);
        var channel = client.Channel("LATE:PV");
        await Server.Eventually.TrueAsync(() => lookups.Lookups("LATE:PV") == 1);
        var wait = channel.WaitForConnectionAsync(TimeSpan.FromSeconds(5));

        _provider.AddSoft("LATE:PV", DbrValue.Of(1.0));
        Assert.Equal(PvConnectionState.Disconnected, channel.State);
        time.Advance(TimeSpan.FromSeconds(1));

        await wait.WaitAsync(Timeout);
        Assert.Equal(2, lookups.Lookups("LATE:PV"));
    }

    [Fact]
    public async Task Wait_for_connection_times_out_on_the_time_provider_and_search_now_connects_later()
    {
        var time = new FakeTimeProvider();
        var lookups = new CountingProvider(_provider);
        await using var client = new InProcessPvClient(lookups, new InProcessPvClientOptions { SearchPeriod = TimeSpan.FromHours(1) }, time);
        var channel = client.Channel("LATE:PV2");
        await Server.Eventually.TrueAsync(() => lookups.Lookups("LATE:PV2") == 1);

        var wait = channel.WaitForConnectionAsync(TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<PvTimeoutException>(() => wait.WaitAsync(Timeout));
        Assert.Equal("LATE:PV2", error.PvName);
        Assert.Equal(PvConnectionState.Disconnected, channel.State);

        _provider.AddSoft("LATE:PV2", DbrValue.Of(1.0));
        client.SearchNow();
        Assert.Equal(PvConnectionState.Connected, channel.State);
    }

    [Fact]
    public async Task The_provider_sees_the_configured_identity()
    {
        ClientIdentity? seen = null;
        _provider.AddSoft("WHO", DbrValue.Of(0.0), new SoftPvOptions
        {
            AccessRule = client =>
            {
                seen = client;
                return AccessRights.ReadWrite;
            },
        });
        await using var client = new InProcessPvClient(_provider, new InProcessPvClientOptions { UserName = "operator", HostName = "beamline" });

        await client.Channel("WHO").WaitForConnectionAsync(Timeout);

        Assert.Equal(new ClientIdentity("operator", "beamline", null), seen);
    }

    private async Task<InProcessPvChannel> ConnectAsync(string name)
    {
        var channel = _client.Channel(name);
        await channel.WaitForConnectionAsync(Timeout);
        return channel;
    }

    private sealed class CountingProvider(IPvProvider inner) : IPvProvider
    {
        private readonly Dictionary<string, int> _lookups = [];

        public int Lookups(string name)
        {
            lock (_lookups)
            {
                return _lookups.GetValueOrDefault(name);
            }
        }

        public IServerPv? Find(string name)
        {
            lock (_lookups)
            {
                _lookups[name] = _lookups.GetValueOrDefault(name) + 1;
            }

            return inner.Find(name);
        }
    }
}
