namespace Hyperion.Nexus.Errors;

/// <summary>
/// A file that cannot be read as what it claims to be: missing, not HDF5, a missing object or link target, the wrong
/// NeXus definition, or a corrupt compressed chunk.
/// </summary>
public class NexusFormatException : NexusException
{
    /// <summary>Creates an exception with no context.</summary>
    public NexusFormatException()
    {
    }

    /// <summary>Creates an exception with a message and no file context.</summary>
    public NexusFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping <paramref name="innerException"/>.</summary>
    public NexusFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about <paramref name="file"/> (and <paramref name="hdf5Path"/> in it).</summary>
    public NexusFormatException(string message, string? file, string? hdf5Path = null, Exception? innerException = null)
        : base(message, file, hdf5Path, innerException)
    {
    }
}
