namespace Hyperion.Devices.Mx.Oav;

/// <summary>An OAV snapshot could not be taken: no URL to fetch it from, or what was fetched is not an image.</summary>
public sealed class SnapshotException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SnapshotException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SnapshotException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SnapshotException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
