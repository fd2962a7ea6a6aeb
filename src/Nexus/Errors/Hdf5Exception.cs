namespace Hyperion.Nexus.Errors;

/// <summary>
/// A libhdf5 call that failed (or a libhdf5 that could not be loaded): names the call, the file and the object path,
/// with the library's own error stack in the message.
/// </summary>
public class Hdf5Exception : NexusException
{
    /// <summary>Creates an exception with no context.</summary>
    public Hdf5Exception()
    {
    }

    /// <summary>Creates an exception with a message and no file context.</summary>
    public Hdf5Exception(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping <paramref name="innerException"/>.</summary>
    public Hdf5Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for the failed <paramref name="call"/> on <paramref name="file"/>.</summary>
    public Hdf5Exception(string call, string detail, string? file, string? hdf5Path)
        : base($"{call} failed: {detail}", file, hdf5Path)
    {
        Call = call;
    }

    /// <summary>The libhdf5 function that failed, e.g. <c>H5Dwrite_chunk</c>.</summary>
    public string? Call { get; }
}
