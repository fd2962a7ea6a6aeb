using System.Text.Json;
using System.Text.Json.Nodes;
using Hyperion.FakeZocalo.Messages;
using Hyperion.FakeZocalo.Service;
using Hyperion.FakeZocalo.Transport;

namespace Hyperion.FakeZocalo.Client;

/// <summary>
/// Sends start and end messages to <c>processing_recipe</c> exactly as Hyperion's <c>ZocaloTrigger</c> does:
/// the <c>mimas</c> recipe, the ISPyB dcid, and the <c>zocalo.go.user</c>/<c>zocalo.go.host</c> headers.
/// </summary>
public sealed class ZocaloTrigger(ITransport transport, string user, string host, string recipe = "mimas")
{
    /// <summary>Announces a collection's start.</summary>
    public Task RunStartAsync(ZocaloStartInfo start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        return SendAsync(
            new JsonObject
            {
                ["ispyb_dcid"] = start.Dcid,
                ["filename"] = start.Filename,
                ["start_frame_index"] = start.StartFrameIndex,
                ["number_of_frames"] = start.NumberOfFrames,
                ["message_index"] = start.MessageIndex,
                ["event"] = "start",
            },
            cancellationToken);
    }

    /// <summary>Announces a collection's end.</summary>
    public Task RunEndAsync(long dcid, CancellationToken cancellationToken = default) =>
        SendAsync(new JsonObject { ["event"] = "end", ["ispyb_dcid"] = dcid }, cancellationToken);

    /// <summary>The body of a trigger with these parameters.</summary>
    public byte[] Body(JsonObject parameters)
    {
        var message = new JsonObject { ["recipes"] = new JsonArray(recipe), ["parameters"] = parameters };
        return JsonSerializer.SerializeToUtf8Bytes(message);
    }

    private Task SendAsync(JsonObject parameters, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [ZocaloHeaders.GoUser] = user,
            [ZocaloHeaders.GoHost] = host,
        };
        return transport.PublishAsync(string.Empty, ZocaloTopology.ProcessingRecipe, Body(parameters), headers, cancellationToken);
    }
}
