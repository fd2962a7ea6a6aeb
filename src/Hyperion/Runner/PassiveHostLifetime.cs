using Microsoft.Extensions.Hosting;

namespace Hyperion.Cli.Runner;

/// <summary>
/// A host lifetime that leaves signals alone: the command line owns Ctrl+C and SIGTERM (and stops the host itself),
/// where ASP.NET's console lifetime would swallow them.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
