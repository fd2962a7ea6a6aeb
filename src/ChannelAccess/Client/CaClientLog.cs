using System.Net;
using Hyperion.ChannelAccess.Protocol;
using Microsoft.Extensions.Logging;

namespace Hyperion.ChannelAccess.Client;

/// <summary>The Channel Access client's log messages (source-generated, so a disabled level costs nothing).</summary>
internal static partial class CaClientLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "CA client searching {Destinations} and name servers {NameServers}")]
    public static partial void SearchDestinations(ILogger logger, IReadOnlyList<IPEndPoint> destinations, IReadOnlyList<IPEndPoint> nameServers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CA client has no search destinations (ECA_NOSEARCHADDR): set EPICS_CA_ADDR_LIST, EPICS_CA_AUTO_ADDR_LIST or EPICS_CA_NAME_SERVERS")]
    public static partial void NoSearchDestinations(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "CA client ignores the address '{Entry}', which does not resolve")]
    public static partial void SearchDestinationFailed(ILogger logger, string entry, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Search datagram to {Destination} failed")]
    public static partial void SearchSendFailed(ILogger logger, IPEndPoint destination, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Undecipherable datagram from {Source}: {Reason}")]
    public static partial void BadDatagram(ILogger logger, IPEndPoint source, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Datagram from {Source} ends with {Length} bytes that are not a whole message")]
    public static partial void TruncatedDatagram(ILogger logger, IPEndPoint source, long length);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Beacon anomaly from {Server}: searching again for {Count} unresolved channel(s)")]
    public static partial void BeaconAnomaly(ILogger logger, IPEndPoint server, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Registered with the CA repeater on port {Port}")]
    public static partial void RepeaterConfirmed(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Circuit to {Server} connected")]
    public static partial void CircuitConnected(ILogger logger, IPEndPoint server);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit to {Server} lost ({Reason}); {Count} channel(s) disconnected")]
    public static partial void CircuitLost(ILogger logger, IPEndPoint server, string reason, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Circuit to {Server} quiet for EPICS_CA_CONN_TMO: sent ECHO")]
    public static partial void EchoSent(ILogger logger, IPEndPoint server);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Pv} connected to {Server}")]
    public static partial void ChannelConnected(ILogger logger, string pv, IPEndPoint server);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Pv} disconnected from {Server}: {Reason}")]
    public static partial void ChannelDisconnected(ILogger logger, string pv, IPEndPoint server, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pv} is on {First} and also on {Second} (ECA_DBLCHNL); using {First}")]
    public static partial void DuplicateChannel(ILogger logger, string pv, IPEndPoint first, IPEndPoint second);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pv}: reading its metadata failed ({Status}); connected without it")]
    public static partial void MetadataReadFailed(ILogger logger, string pv, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pv}: the server reported {Status} for {Request}: {Text}")]
    public static partial void ServerError(ILogger logger, string pv, EcaStatus status, CaCommand request, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A ServerError handler threw")]
    public static partial void ServerErrorHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a {Command} reply for unknown id {Id} from {Server}")]
    public static partial void UnknownReply(ILogger logger, CaCommand command, uint id, IPEndPoint server);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pv}: subscription update failed ({Status}) {Error}")]
    public static partial void SubscriptionUpdateFailed(ILogger logger, string pv, string status, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Pv}: a subscription callback threw")]
    public static partial void SubscriptionCallbackFailed(ILogger logger, string pv, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Pv}: a connection-state handler threw")]
    public static partial void StateHandlerFailed(ILogger logger, string pv, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a {Command} reply of {Size} bytes from {Server}: more than EPICS_CA_MAX_ARRAY_BYTES")]
    public static partial void OversizedResponse(ILogger logger, CaCommand command, uint size, IPEndPoint server);
}
