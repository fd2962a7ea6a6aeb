namespace Hyperion.Nexus.Errors;

/// <summary>
/// A write that cannot go ahead: bad input (a frame of the wrong size or type), a writer used after it closed, a
/// directory that cannot be written, or a final file name already taken. Nothing is left under the final name.
/// </summary>
public class NexusWriteException : NexusException
{
    /// <summary>Creates an exception with no context.</summary>
    public NexusWriteException()
    {
    }

    /// <summary>Creates an exception with a message and no file context.</summary>
    public NexusWriteException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping <paramref name="innerException"/>.</summary>
    public NexusWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about <paramref name="file"/> (and <paramref name="hdf5Path"/> in it).</summary>
    public NexusWriteException(string message, string? file, string? hdf5Path = null, Exception? innerException = null)
        : base(message, file, hdf5Path, innerException)
    {
    }
}
