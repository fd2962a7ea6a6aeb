namespace Hyperion.Engine.Errors;

/// <summary>Thrown into the plan by <c>RunEngine.StopAsync</c>: clean up, then end with exit status "success".</summary>
public sealed class RequestStop : RunEngineControlException
{
    /// <summary>Creates the request.</summary>
    public RequestStop()
        : base("Stop requested.")
    {
    }
}
