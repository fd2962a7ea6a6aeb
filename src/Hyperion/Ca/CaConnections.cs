using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Pv;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Ca;

/// <summary>Connects the tools' channels, reporting those that do not connect as caget does.</summary>
internal static class CaConnections
{
    // Server-reported errors (a refused write, say) go to stderr as libca's default exception handler prints them.
    private static readonly ILoggerFactory StderrWarnings = LoggerFactory.Create(builder => builder
        .SetMinimumLevel(LogLevel.Warning)
        .AddSimpleConsole(options => options.SingleLine = true)
        .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));

    /// <summary>A client configured from the EPICS_CA_* environment, as the EPICS tools are.</summary>
    public static CaClient NewClient() => new(CaClientOptions.FromEnvironment(), loggerFactory: StderrWarnings);

    /// <summary>Waits for every channel; returns those connected and prints the rest to stderr.</summary>
    public static async Task<List<CaChannel>> ConnectAsync(CaClient client, IEnumerable<string> names, TimeSpan timeout, CancellationToken ct)
    {
        var channels = names.Select(client.Channel).ToList();
        var waits = channels.Select(async channel =>
        {
            try
            {
                await channel.WaitForConnectionAsync(timeout, ct).ConfigureAwait(false);
                return true;
            }
            catch (PvTimeoutException)
            {
                return false;
            }
        }).ToList();
        var results = await Task.WhenAll(waits).ConfigureAwait(false);
        var connected = new List<CaChannel>();
        for (var i = 0; i < channels.Count; i++)
        {
            if (results[i])
            {
                connected.Add(channels[i]);
            }
            else
            {
                await Console.Error.WriteLineAsync($"{channels[i].Name,-30} *** Not connected (PV not found)").ConfigureAwait(false);
            }
        }

        return connected;
    }
}
