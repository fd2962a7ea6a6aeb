namespace Hyperion.Engine.Errors;

/// <summary>A 'wait' or 'wait_for' did not finish within its timeout.</summary>
public sealed class WaitForTimeoutError : TimeoutException
{
    /// <summary>Creates the error.</summary>
    public WaitForTimeoutError(string message)
        : base(message)
    {
    }
}
