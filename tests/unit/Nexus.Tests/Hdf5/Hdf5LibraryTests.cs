using System.Runtime.InteropServices;
using Hyperion.Nexus.Compression;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Errors;
using Hyperion.Nexus.Hdf5;

namespace Hyperion.Nexus.Tests.Hdf5;

public sealed class Hdf5LibraryTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Debians_libhdf5_1_10_is_loaded()
    {
        Hdf5Library.EnsureLoaded();
        Assert.True(Hdf5Library.Version >= new Version(1, 10, 3), $"libhdf5 {Hdf5Library.Version}");
    }

    [Fact]
    public void Libhdf5s_own_pipeline_compresses_through_our_filter_to_the_codecs_bytes()
    {
        var frame = TestFrames.UInt32(300, 200, 7);
        var bytes = MemoryMarshal.AsBytes(frame.AsSpan());
        var path = _directory.File("pipeline.h5");
        using (var file = Hdf5WritableFile.Create(path, overwrite: false))
        {
            using (var dataset = file.Root.CreateChunkedDataset("d", Hdf5Library.U32, [200, 300], [200, 300], growable: false, Hdf5Filter.BitshuffleLz4(4)))
            {
                dataset.WriteAll(bytes, Hdf5Library.U32);
                dataset.Close();
            }

            file.Commit();
        }

        Assert.Equal(BitshuffleLz4.Compress(bytes, 4), Hdf5Reader.ReadRawChunk(path, "/d", [0, 0]));
        var back = new uint[frame.Length];
        Hdf5Reader.Read(path, "/d", MemoryMarshal.AsBytes(back.AsSpan()), Hdf5Library.U32);
        Assert.Equal(frame, back);
    }

    [Fact]
    public void Libhdf5_decompresses_our_data_files_through_our_filter()
    {
        var path = _directory.File("frames.h5");
        using (var writer = DataFileWriter.Create(path, 64, 48, PixelType.UInt16))
        {
            writer.WriteFrame(TestFrames.UInt16(64, 48, 1));
            writer.WriteFrame(TestFrames.UInt16(64, 48, 2));
        }

        var back = new ushort[2 * 64 * 48];
        Hdf5Reader.Read(path, "/data", MemoryMarshal.AsBytes(back.AsSpan()), Hdf5Library.U16);
        Assert.Equal([.. TestFrames.UInt16(64, 48, 1), .. TestFrames.UInt16(64, 48, 2)], back);
        Assert.Equal(BitshuffleLz4.Compress(MemoryMarshal.AsBytes(TestFrames.UInt16(64, 48, 2).AsSpan()), 2), Hdf5Reader.ReadRawChunk(path, "/data", [1, 0, 0]));
    }

    [Fact]
    public void Libhdf5_failures_name_the_call_the_file_the_path_and_libhdf5s_reason()
    {
        var path = _directory.File("twice.h5");
        using var file = Hdf5WritableFile.Create(path, overwrite: false);
        file.Root.WriteDataset("x", 1.0);
        var e = Assert.Throws<Hdf5Exception>(() => file.Root.WriteDataset("x", 2.0));
        Assert.Equal("H5Dcreate2", e.Call);
        Assert.Equal(path + Hdf5WritableFile.PartialSuffix, e.FilePath);
        Assert.Equal("/x", e.Hdf5Path);
        Assert.Contains("already exists", e.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<Hdf5Exception>(() => Hdf5Reader.Read(_directory.File("none.h5"), "/d", new byte[8], Hdf5Library.U32));
        Assert.Equal("H5Fopen", missing.Call);
    }
}
