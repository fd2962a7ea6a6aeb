using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Errors;
using Hyperion.Nexus.Hdf5;
using PureHDF;

namespace Hyperion.Nexus.Tests.DataFiles;

public sealed class DataFileSeriesWriterTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Frames_fill_numbered_files_of_at_most_N_frames()
    {
        using var series = new DataFileSeriesWriter(_directory.Path, "thau_1", 40, 30, new DataFileOptions { FramesPerFile = 3 });
        for (var i = 0; i < 7; i++)
        {
            series.WriteFrame(TestFrames.UInt32(40, 30, i));
        }

        Assert.Equal(7, series.FrameCount);
        Assert.Equal(2, series.Files.Count);
        Assert.Contains("thau_1_000003.h5.partial", _directory.Names());
        var files = series.Close();

        Assert.Equal(["thau_1_000001.h5", "thau_1_000002.h5", "thau_1_000003.h5"], _directory.Names());
        Assert.Equal([(1, 3), (4, 3), (7, 1)], files.Select(f => (f.FirstImageNumber, f.FrameCount)));
        PureHdfBitshuffleFilter.EnsureRegistered();
        using var third = H5File.OpenRead(files[2].FilePath);
        Assert.Equal(7, third.Dataset("/data").Attribute("image_nr_low").Read<int>());
        Assert.Equal(7, third.Dataset("/data").Attribute("image_nr_high").Read<int>());
        Assert.Equal(TestFrames.UInt32(40, 30, 6), third.Dataset("/data").Read<uint[]>());
    }

    [Fact]
    public void A_series_without_frames_writes_no_files()
    {
        using var series = new DataFileSeriesWriter(_directory.Path, "empty", 10, 10);
        Assert.Empty(series.Close());
        Assert.Empty(_directory.Names());
    }

    [Fact]
    public void Aborting_discards_only_the_file_in_progress()
    {
        var series = new DataFileSeriesWriter(_directory.Path, "cut", 10, 10, new DataFileOptions { FramesPerFile = 2, PixelType = PixelType.UInt16 });
        for (var i = 0; i < 3; i++)
        {
            series.WriteFrame(TestFrames.UInt16(10, 10, i));
        }

        series.Abort();
        Assert.Equal(["cut_000001.h5"], _directory.Names());
        Assert.Throws<NexusWriteException>(() => series.WriteFrame(new ushort[100]));
    }

    [Fact]
    public void File_names_are_the_stem_and_a_six_digit_number()
    {
        Assert.Equal("thau_1_000001.h5", DataFileSeriesWriter.FileName("thau_1", 1));
        Assert.Equal("x_123456.h5", DataFileSeriesWriter.FileName("x", 123456));
        Assert.Throws<ArgumentException>(() => new DataFileSeriesWriter(_directory.Path, "a/b", 10, 10));
        Assert.Throws<NexusWriteException>(() => new DataFileSeriesWriter(_directory.File("missing"), "a", 10, 10));
    }
}
