using Hyperion.Nexus.Compression;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Errors;
using Hyperion.Nexus.Hdf5;
using PureHDF;
using PureHDF.Selections;

namespace Hyperion.Nexus.Tests.DataFiles;

public sealed class DataFileWriterTests : IDisposable
{
    private const int Width = 96;
    private const int Height = 70;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(PixelType.UInt32, FrameCompression.BitshuffleLz4)]
    [InlineData(PixelType.UInt16, FrameCompression.BitshuffleLz4)]
    [InlineData(PixelType.UInt32, FrameCompression.None)]
    [InlineData(PixelType.UInt16, FrameCompression.None)]
    public void Frames_written_one_at_a_time_read_back_identically(PixelType type, FrameCompression compression)
    {
        var path = _directory.File("x_000001.h5");
        using (var writer = DataFileWriter.Create(path, Width, Height, type, compression, firstImageNumber: 11))
        {
            for (var i = 0; i < 4; i++)
            {
                if (type == PixelType.UInt32)
                {
                    writer.WriteFrame(TestFrames.UInt32(Width, Height, i));
                }
                else
                {
                    writer.WriteFrame(TestFrames.UInt16(Width, Height, i));
                }
            }

            var info = writer.Close();
            Assert.Equal((path, 11, 4, 14), (info.FilePath, info.FirstImageNumber, info.FrameCount, info.LastImageNumber));
        }

        PureHdfBitshuffleFilter.EnsureRegistered();
        using var file = H5File.OpenRead(path);
        var data = file.Dataset("/data");
        Assert.Equal([4UL, Height, Width], data.Space.Dimensions);
        Assert.Equal([1U, Height, Width], data.Layout.Chunks);
        Assert.Equal(11, data.Attribute("image_nr_low").Read<int>());
        Assert.Equal(14, data.Attribute("image_nr_high").Read<int>());
        for (var i = 0; i < 4; i++)
        {
            var selection = new HyperslabSelection(3, [(ulong)i, 0, 0], [1, Height, Width], [1, 1, 1], [1, Height, Width]);
            if (type == PixelType.UInt32)
            {
                Assert.Equal(TestFrames.UInt32(Width, Height, i), data.Read<uint[]>(selection));
            }
            else
            {
                Assert.Equal(TestFrames.UInt16(Width, Height, i), data.Read<ushort[]>(selection));
            }
        }
    }

    [Fact]
    public void Compression_shrinks_sparse_frames()
    {
        var compressed = WriteOne(FrameCompression.BitshuffleLz4);
        var raw = WriteOne(FrameCompression.None);
        Assert.True(compressed * 2 < raw, $"{compressed} bytes compressed, {raw} raw");

        long WriteOne(FrameCompression compression)
        {
            var path = _directory.File($"{compression}.h5");
            using (var writer = DataFileWriter.Create(path, 512, 256, PixelType.UInt32, compression))
            {
                for (var i = 0; i < 5; i++)
                {
                    writer.WriteFrame(TestFrames.UInt32(512, 256, i));
                }
            }

            return new FileInfo(path).Length;
        }
    }

    [Fact]
    public void A_file_carries_its_final_name_only_once_closed()
    {
        var path = _directory.File("scan_000001.h5");
        var writer = DataFileWriter.Create(path, Width, Height);
        writer.WriteFrame(TestFrames.UInt32(Width, Height, 1));
        Assert.Equal(["scan_000001.h5.partial"], _directory.Names());
        writer.Close();
        Assert.Equal(["scan_000001.h5"], _directory.Names());
    }

    [Fact]
    public void Aborting_leaves_nothing_behind()
    {
        var writer = DataFileWriter.Create(_directory.File("gone.h5"), Width, Height);
        writer.WriteFrame(TestFrames.UInt32(Width, Height, 1));
        writer.Abort();
        writer.Dispose();
        Assert.Empty(_directory.Names());
    }

    [Fact]
    public void Precompressed_chunks_are_stored_as_given()
    {
        var frame = TestFrames.UInt32(Width, Height, 5);
        var chunk = BitshuffleLz4.Compress(System.Runtime.InteropServices.MemoryMarshal.AsBytes(frame.AsSpan()), sizeof(uint));
        var path = _directory.File("pre.h5");
        using (var writer = DataFileWriter.Create(path, Width, Height))
        {
            writer.WriteChunk(chunk);
            var wrong = Assert.Throws<NexusWriteException>(() => writer.WriteChunk(chunk.AsSpan(0, 8)));
            Assert.Equal(path, wrong.FilePath);
            var mismatch = BitshuffleLz4.Compress(new byte[16], sizeof(uint));
            Assert.Throws<NexusWriteException>(() => writer.WriteChunk(mismatch));
        }

        PureHdfBitshuffleFilter.EnsureRegistered();
        using var file = H5File.OpenRead(path);
        Assert.Equal(frame, file.Dataset("/data").Read<uint[]>());
    }

    [Fact]
    public void A_frame_of_the_wrong_size_or_type_is_refused_naming_the_file_and_the_writer_goes_on()
    {
        var path = _directory.File("bad_000001.h5");
        using var writer = DataFileWriter.Create(path, Width, Height, PixelType.UInt32);
        var size = Assert.Throws<NexusWriteException>(() => writer.WriteFrame(new uint[(Width * Height) - 1]));
        Assert.Equal(path, size.FilePath);
        Assert.Equal("/data", size.Hdf5Path);
        Assert.Contains($"{Width} × {Height}", size.Message, StringComparison.Ordinal);
        Assert.Contains(path, size.Message, StringComparison.Ordinal);

        var type = Assert.Throws<NexusWriteException>(() => writer.WriteFrame(new ushort[Width * Height]));
        Assert.Contains("UInt16", type.Message, StringComparison.Ordinal);

        writer.WriteFrame(TestFrames.UInt32(Width, Height, 1));
        Assert.Equal(1, writer.Close().FrameCount);
    }

    [Fact]
    public void Writing_after_close_is_refused_naming_the_file()
    {
        var path = _directory.File("closed.h5");
        var writer = DataFileWriter.Create(path, Width, Height);
        writer.Close();
        var e = Assert.Throws<NexusWriteException>(() => writer.WriteFrame(new uint[Width * Height]));
        Assert.Equal(path, e.FilePath);
        Assert.Contains("closed", e.Message, StringComparison.Ordinal);
        writer.Close();
    }

    [Fact]
    public void A_missing_or_unwritable_directory_is_refused_and_leaves_no_file()
    {
        var missing = _directory.File("nowhere/x_000001.h5");
        var e = Assert.Throws<NexusWriteException>(() => DataFileWriter.Create(missing, Width, Height));
        Assert.Equal(missing, e.FilePath);
        Assert.Empty(_directory.Names());

        // /proc takes no new files, whoever we run as (root can write anywhere else).
        var unwritable = Assert.Throws<NexusWriteException>(() => DataFileWriter.Create("/proc/x_000001.h5", Width, Height));
        Assert.Contains("/proc/x_000001.h5", unwritable.Message, StringComparison.Ordinal);
        Assert.IsType<Hdf5Exception>(unwritable.InnerException);
        Assert.False(File.Exists("/proc/x_000001.h5"));
    }

    [Fact]
    public void An_existing_file_is_not_overwritten_unless_asked()
    {
        var path = _directory.File("taken.h5");
        File.WriteAllText(path, "precious");
        Assert.Throws<NexusWriteException>(() => DataFileWriter.Create(path, Width, Height));
        Assert.Equal("precious", File.ReadAllText(path));
        using (var writer = DataFileWriter.Create(path, Width, Height, overwrite: true))
        {
            writer.WriteFrame(TestFrames.UInt32(Width, Height, 1));
        }

        Assert.NotEqual("precious"u8.ToArray(), File.ReadAllBytes(path)[..8]);
    }
}
