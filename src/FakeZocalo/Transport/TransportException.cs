namespace Hyperion.FakeZocalo.Transport;

/// <summary>A broker operation failed: the broker refused it, or could not be reached in time.</summary>
public class TransportException : Exception
{
    /// <summary>Creates the error.</summary>
    public TransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public TransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
