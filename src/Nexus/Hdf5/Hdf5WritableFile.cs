using Hyperion.Nexus.Errors;

namespace Hyperion.Nexus.Hdf5;

/// <summary>
/// An HDF5 file written under a temporary name (<c>{final}.partial</c>) and renamed to its final name only when
/// <see cref="Commit"/> has closed it cleanly, so a file under the final name is always complete. Disposing without
/// committing deletes the temporary file.
/// </summary>
internal sealed class Hdf5WritableFile : IDisposable
{
    /// <summary>The suffix of a file being written.</summary>
    public const string PartialSuffix = ".partial";

    private readonly Hdf5Handle _file;
    private readonly bool _overwrite;
    private bool _finished;

    private Hdf5WritableFile(Hdf5Handle file, Hdf5Handle root, string finalPath, string temporaryPath, bool overwrite)
    {
        _file = file;
        _overwrite = overwrite;
        FinalPath = finalPath;
        TemporaryPath = temporaryPath;
        Root = new Hdf5Group(root, "/", temporaryPath);
    }

    /// <summary>The name the file gets when committed.</summary>
    public string FinalPath { get; }

    /// <summary>The name it is written under.</summary>
    public string TemporaryPath { get; }

    /// <summary>The root group.</summary>
    public Hdf5Group Root { get; }

    /// <summary>
    /// Creates <paramref name="finalPath"/>'s temporary file. Throws <see cref="NexusWriteException"/> when the directory
    /// is missing or unwritable, or when the final name is taken and <paramref name="overwrite"/> is false.
    /// </summary>
    public static Hdf5WritableFile Create(string finalPath, bool overwrite, bool virtualDatasets = false)
    {
        Hdf5Library.EnsureLoaded();
        var full = Path.GetFullPath(finalPath);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new NexusWriteException($"The directory {directory} does not exist.", full);
        }

        if (!overwrite && File.Exists(full))
        {
            throw new NexusWriteException("The file already exists; it is not overwritten.", full);
        }

        var temporary = full + PartialSuffix;
        lock (Hdf5Library.Sync)
        {
            using var access = Hdf5Library.Check(Hdf5Native.H5Pcreate(Hdf5Library.FileAccessClass), Hdf5HandleKind.PropertyList, "H5Pcreate", temporary, null);

            // Strong close: H5Fclose closes every object still open, so the file is whole when the rename happens.
            Hdf5Library.Check(Hdf5Native.H5Pset_fclose_degree(access.Id, Hdf5Native.CloseStrong), "H5Pset_fclose_degree", temporary, null);

            // The oldest format that holds what is written, so every HDF5 1.8+ reader (and PureHDF) opens the data
            // files; virtual datasets need the 1.10 format.
            var low = virtualDatasets ? Hdf5Native.LibraryVersionV110 : Hdf5Native.LibraryVersionEarliest;
            Hdf5Library.Check(Hdf5Native.H5Pset_libver_bounds(access.Id, low, Hdf5Native.LibraryVersionV110), "H5Pset_libver_bounds", temporary, null);
            var id = Hdf5Native.H5Fcreate(temporary, Hdf5Native.AccTruncate, Hdf5Native.Default, access.Id);
            if (id < 0)
            {
                var failure = Hdf5Library.Failure("H5Fcreate", temporary, null);
                throw new NexusWriteException($"Cannot create the HDF5 file (is {directory} writable?): {failure.Message}", temporary, null, failure);
            }

            var file = new Hdf5Handle(id, Hdf5HandleKind.File);
            var root = Hdf5Native.H5Gopen2(id, "/", Hdf5Native.Default);
            if (root < 0)
            {
                var failure = Hdf5Library.Failure("H5Gopen2", temporary, "/");
                file.Dispose();
                File.Delete(temporary);
                throw failure;
            }

            return new Hdf5WritableFile(file, new Hdf5Handle(root, Hdf5HandleKind.Group), full, temporary, overwrite);
        }
    }

    /// <summary>
    /// Closes the file (libhdf5 flushes it), then renames it to <see cref="FinalPath"/>. On failure the temporary file
    /// is deleted, unless only the rename failed: then it stays, and the exception names it.
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        try
        {
            Root.Close();
            _file.CloseChecked(TemporaryPath, null);
        }
        catch (Hdf5Exception)
        {
            DeleteTemporary();
            throw;
        }

        try
        {
            File.Move(TemporaryPath, FinalPath, _overwrite);
        }
        catch (IOException e)
        {
            throw new NexusWriteException($"The file was written but could not be renamed to its final name; it is kept as {TemporaryPath}: {e.Message}", FinalPath, null, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new NexusWriteException($"The file was written but could not be renamed to its final name; it is kept as {TemporaryPath}: {e.Message}", FinalPath, null, e);
        }
    }

    /// <summary>Closes and deletes the temporary file; nothing appears under the final name.</summary>
    public void Abort()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        Root.Dispose();
        _file.Dispose();
        DeleteTemporary();
    }

    /// <summary>Aborts unless committed.</summary>
    public void Dispose() => Abort();

    private void DeleteTemporary()
    {
        // The temporary file is ours alone; if it cannot be deleted, the .partial name still marks it unfinished.
        try
        {
            File.Delete(TemporaryPath);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
