using Hyperion.Devices.Mx.Zocalo;

namespace Hyperion.Cli.Tests.Callbacks;

/// <summary>Records every Zocalo message sent.</summary>
internal sealed class RecordingZocaloTransport : IZocaloTriggerTransport
{
    private readonly List<ZocaloRecipeMessage> _messages = [];

    public IReadOnlyList<ZocaloRecipeMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public Task SendAsync(string environment, string destination, ZocaloRecipeMessage message, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken = default)
    {
        lock (_messages)
        {
            _messages.Add(message);
        }

        return Task.CompletedTask;
    }
}
