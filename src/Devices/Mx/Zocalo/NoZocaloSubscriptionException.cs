namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>The results device was triggered without being staged, so it is not subscribed (dodal's NoZocaloSubscription).</summary>
public sealed class NoZocaloSubscriptionException : Exception
{
    /// <summary>Creates the error.</summary>
    public NoZocaloSubscriptionException(string message)
        : base(message)
    {
    }
}
