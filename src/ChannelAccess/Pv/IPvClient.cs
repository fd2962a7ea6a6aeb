namespace Hyperion.ChannelAccess.Pv;

/// <summary>
/// Connects to process variables by name. The Channel Access client is one implementation (real IOCs, or the
/// twin served over CA); the twin supplies an in-process one. The same device code runs on either.
/// </summary>
public interface IPvClient : IAsyncDisposable
{
    /// <summary>The channel for <paramref name="pvName"/>; it connects in the background (the same name gives the same channel).</summary>
    IPvChannel Channel(string pvName);
}
