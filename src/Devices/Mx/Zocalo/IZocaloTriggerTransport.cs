namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>
/// How recipe messages reach zocalo (dodal connects afresh through the workflows transport for each message and
/// sends it to a queue). An implementation connects in <c>environment</c>, sends the message with the headers to
/// <c>destination</c> (e.g. "processing_recipe") and disconnects.
/// </summary>
public interface IZocaloTriggerTransport
{
    /// <summary>Sends <paramref name="message"/> with <paramref name="headers"/> to the queue <paramref name="destination"/>.</summary>
    Task SendAsync(string environment, string destination, ZocaloRecipeMessage message, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken = default);
}
