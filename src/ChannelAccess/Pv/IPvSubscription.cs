namespace Hyperion.ChannelAccess.Pv;

/// <summary>A live subscription to a channel; disposing it cancels the subscription.</summary>
public interface IPvSubscription : IAsyncDisposable
{
    /// <summary>The channel subscribed to.</summary>
    IPvChannel Channel { get; }
}
