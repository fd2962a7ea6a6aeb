using Microsoft.Extensions.Hosting;

namespace Hyperion.SimBeamline.Oav;

/// <summary>A host lifetime that leaves Ctrl+C and SIGTERM to the process that hosts the twin.</summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
