namespace Hyperion.Engine.Metadata;

/// <summary>The file behind a <see cref="PersistentMetadata"/> store cannot be read or written; names the file.</summary>
public sealed class PersistentMetadataException : IOException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    public PersistentMetadataException(string path, string problem, Exception? innerException = null)
        : base($"Persistent metadata file {path}: {problem}", innerException)
    {
        Path = path;
    }

    /// <summary>The metadata file.</summary>
    public string Path { get; }
}
