namespace Hyperion.Nexus.Errors;

/// <summary>
/// A failure reading or writing a NeXus/HDF5 file, naming the file and, where one applies, the HDF5 object path.
/// </summary>
public class NexusException : Exception
{
    /// <summary>Creates an exception with no context (for serializers and tests).</summary>
    public NexusException()
    {
    }

    /// <summary>Creates an exception with a message and no file context.</summary>
    public NexusException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping <paramref name="innerException"/>.</summary>
    public NexusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about <paramref name="file"/> (and <paramref name="hdf5Path"/> in it).</summary>
    public NexusException(string message, string? file, string? hdf5Path = null, Exception? innerException = null)
        : base(Describe(message, file, hdf5Path), innerException)
    {
        FilePath = file;
        Hdf5Path = hdf5Path;
    }

    /// <summary>The file concerned, if any.</summary>
    public string? FilePath { get; }

    /// <summary>The HDF5 object path inside <see cref="FilePath"/>, if any.</summary>
    public string? Hdf5Path { get; }

    private static string Describe(string message, string? file, string? hdf5Path) => (file, hdf5Path) switch
    {
        (null, null) => message,
        (null, _) => $"{message} (HDF5 path {hdf5Path})",
        (_, null) => $"{message} (file {file})",
        _ => $"{message} (file {file}, HDF5 path {hdf5Path})",
    };
}
