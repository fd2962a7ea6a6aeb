using System.Net;
using Microsoft.Extensions.Logging;

namespace Hyperion.ChannelAccess.Server;

/// <summary>The server's log messages (source-generated).</summary>
internal static partial class CaServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Channel Access server listening on {Endpoints} (TCP port {TcpPort}, UDP search port {UdpPort}), beacons to {BeaconAddresses}")]
    public static partial void Started(ILogger logger, string endpoints, int tcpPort, int udpPort, string beaconAddresses);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "TCP port {Requested} is in use; serving on TCP port {Actual} while sharing UDP port {Requested} for searches (as rsrv does)")]
    public static partial void TcpPortInUse(ILogger logger, int requested, int actual);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Channel Access server on TCP port {TcpPort} stopped")]
    public static partial void Stopped(ILogger logger, int tcpPort);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Circuit from {Remote} opened")]
    public static partial void CircuitOpened(ILogger logger, EndPoint? remote);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "Circuit from {Remote} closed: {Reason}")]
    public static partial void CircuitClosed(ILogger logger, EndPoint? remote, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Circuit from {Remote} broke the protocol, dropping it: {Detail}")]
    public static partial void ProtocolViolation(ILogger logger, EndPoint? remote, string detail);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "Request from {Remote} refused with {Status}: {Detail}")]
    public static partial void RequestRefused(ILogger logger, EndPoint? remote, string status, string detail);

    [LoggerMessage(EventId = 15, Level = LogLevel.Debug, Message = "Request from {Remote} refused with {Status}: {Pv}: {Reason}")]
    public static partial void ConversionRefused(ILogger logger, EndPoint? remote, string status, string pv, string reason);

    [LoggerMessage(EventId = 14, Level = LogLevel.Error, Message = "Circuit from {Remote} failed")]
    public static partial void CircuitFailed(ILogger logger, EndPoint? remote, Exception exception);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Reading PV {Pv} failed")]
    public static partial void ReadFailed(ILogger logger, string pv, Exception exception);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Writing PV {Pv} failed")]
    public static partial void WriteFailed(ILogger logger, string pv, Exception exception);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Subscribing to PV {Pv} failed")]
    public static partial void SubscribeFailed(ILogger logger, string pv, Exception exception);

    [LoggerMessage(EventId = 30, Level = LogLevel.Debug, Message = "Search datagram from {Remote} ignored: {Detail}")]
    public static partial void DatagramIgnored(ILogger logger, EndPoint? remote, string detail);

    [LoggerMessage(EventId = 34, Level = LogLevel.Debug, Message = "Search reply to {Remote} not sent: {Reason}")]
    public static partial void ReplyFailed(ILogger logger, EndPoint? remote, string reason);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Receiving search datagrams on {Endpoint} failed")]
    public static partial void UdpReceiveFailed(ILogger logger, EndPoint? endpoint, Exception exception);

    [LoggerMessage(EventId = 32, Level = LogLevel.Debug, Message = "Sending a beacon to {Destination} failed: {Reason}")]
    public static partial void BeaconFailed(ILogger logger, EndPoint destination, string reason);

    [LoggerMessage(EventId = 33, Level = LogLevel.Warning, Message = "Accepting a connection on {Endpoint} failed")]
    public static partial void AcceptFailed(ILogger logger, EndPoint? endpoint, Exception exception);

    [LoggerMessage(EventId = 34, Level = LogLevel.Information, Message = "PVs withdrawn ({Reason}): {Channels} channel(s) dropped")]
    public static partial void PvsWithdrawn(ILogger logger, int channels, string reason);
}
