namespace Hyperion.Engine.Planning;

/// <summary>Where an async-method plan's body last stopped.</summary>
internal enum Suspension
{
    /// <summary>It has not suspended (it is running, or it finished).</summary>
    None,

    /// <summary>It awaits the response to a message.</summary>
    OnMessage,

    /// <summary>It awaits a sub-plan.</summary>
    OnChild,
}
