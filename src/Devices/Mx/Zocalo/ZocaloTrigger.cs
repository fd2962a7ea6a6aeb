using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>
/// Starts and ends zocalo processing of a collection (dodal's ZocaloTrigger): run_start and run_end messages for
/// the "mimas" recipe, sent to the "processing_recipe" queue with the zocalo.go.user and zocalo.go.host headers.
/// </summary>
public sealed class ZocaloTrigger
{
    /// <summary>The queue the messages go to.</summary>
    public const string Destination = "processing_recipe";

    private readonly IZocaloTriggerTransport _transport;
    private readonly ILogger _logger;

    /// <summary>Creates the trigger over <paramref name="transport"/> in <paramref name="environment"/> (null for <see cref="ZocaloConstants.ZocaloEnvironment"/>).</summary>
    public ZocaloTrigger(IZocaloTriggerTransport transport, string? environment = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        ZocaloEnvironment = environment ?? ZocaloConstants.ZocaloEnvironment;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The zocalo environment.</summary>
    public string ZocaloEnvironment { get; }

    /// <summary>
    /// The user and host the messages are from: ZOCALO_GO_USER (else the login name) and ZOCALO_GO_HOSTNAME
    /// (else the host name).
    /// </summary>
    public static (string User, string Hostname) GetZocaloHeaders()
    {
        var user = Environment.GetEnvironmentVariable("ZOCALO_GO_USER") is { Length: > 0 } u ? u : Environment.UserName;
        var hostname = Environment.GetEnvironmentVariable("ZOCALO_GO_HOSTNAME") ?? Dns.GetHostName();
        return (user, hostname);
    }

    /// <summary>Asks zocalo to start processing the collection <paramref name="startData"/> describes.</summary>
    public Task RunStartAsync(ZocaloStartInfo startData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(startData);
        ZocaloLog.StartingJob(_logger, startData);
        return SendToZocaloAsync(
            [
                new("ispyb_dcid", startData.IspybDcid),
                new("filename", startData.Filename),
                new("start_frame_index", startData.StartFrameIndex),
                new("number_of_frames", startData.NumberOfFrames),
                new("message_index", startData.MessageIndex),
                new("event", "start"),
            ],
            cancellationToken);
    }

    /// <summary>Tells zocalo the collection <paramref name="dataCollectionId"/> has ended.</summary>
    public Task RunEndAsync(int dataCollectionId, CancellationToken cancellationToken = default)
    {
        ZocaloLog.EndingJob(_logger, dataCollectionId);
        return SendToZocaloAsync([new("event", "end"), new("ispyb_dcid", dataCollectionId)], cancellationToken);
    }

    private Task SendToZocaloAsync(IReadOnlyList<KeyValuePair<string, object?>> parameters, CancellationToken cancellationToken)
    {
        var message = new ZocaloRecipeMessage(["mimas"], parameters);
        var (user, hostname) = GetZocaloHeaders();
        var headers = new Dictionary<string, string> { ["zocalo.go.user"] = user, ["zocalo.go.host"] = hostname };
        return _transport.SendAsync(ZocaloEnvironment, Destination, message, headers, cancellationToken);
    }
}
