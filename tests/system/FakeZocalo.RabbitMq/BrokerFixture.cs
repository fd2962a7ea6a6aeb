using System.Diagnostics;
using Hyperion.FakeZocalo.Transport.RabbitMq;

namespace Hyperion.FakeZocalo.RabbitMq.Tests;

/// <summary>
/// The real broker the tests use: Debian's rabbitmq-server on this machine, started by scripts/rabbitmq.sh. Each test
/// gets a fresh virtual host (made with rabbitmqctl), so Zocalo's fixed queue names never collide.
/// </summary>
public static class BrokerFixture
{
    private const string Node = "rabbit@localhost";

    /// <summary>Connection options for a new, empty virtual host (deleted by disposing the result).</summary>
    public static async Task<VirtualHost> NewVirtualHostAsync()
    {
        var name = "hyperion-test-" + Guid.NewGuid().ToString("N")[..12];
        await RabbitmqctlAsync("add_vhost", name);
        await RabbitmqctlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        var options = new RabbitMqOptions(new Uri($"amqp://guest:guest@localhost:5672/{name}")) { ConnectTimeout = TimeSpan.FromSeconds(20) };
        return new VirtualHost(options, name);
    }

    /// <summary>Runs rabbitmqctl against the local node; throws with its output unless it succeeds.</summary>
    public static async Task<string> RabbitmqctlAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-n");
        info.ArgumentList.Add(Node);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start rabbitmqctl (run scripts/setup.sh).");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
        var output = await stdout + await stderr;
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} exited {process.ExitCode}: {output}");
    }

    /// <summary>A virtual host for one test.</summary>
    public sealed class VirtualHost(RabbitMqOptions options, string name) : IAsyncDisposable
    {
        public RabbitMqOptions Options { get; } = options;

        public string Name { get; } = name;

        public Task<RabbitMqTransport> ConnectAsync() => RabbitMqTransport.ConnectAsync(Options);

        /// <summary>The queues of this virtual host with a column of rabbitmqctl's list_queues.</summary>
        public async Task<Dictionary<string, string>> QueuesAsync(string column)
        {
            var output = await RabbitmqctlAsync("list_queues", "-p", Name, "--quiet", "--no-table-headers", "name", column);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t', 2))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0], parts => parts[1].Trim(), StringComparer.Ordinal);
        }

        public async ValueTask DisposeAsync() => await RabbitmqctlAsync("delete_vhost", Name);
    }
}
