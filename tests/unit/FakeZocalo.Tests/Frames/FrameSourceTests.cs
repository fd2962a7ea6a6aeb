using Hyperion.FakeZocalo.Frames;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Masks;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.FakeZocalo.Tests.Frames;

public sealed class FrameSourceTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(PixelType.UInt32)]
    [InlineData(PixelType.UInt16)]
    public async Task A_master_gives_its_frames_geometry_and_mask(PixelType pixelType)
    {
        using var collection = new TestCollection(pixelType: pixelType);
        using var source = await FrameSource.OpenAsync(collection.MasterPath);
        Assert.True(source.IsMaster);
        Assert.Equal(3, source.ImageCount);
        Assert.Equal(pixelType, source.PixelType);
        Assert.Equal((120, 96), (source.Detector.Width, source.Detector.Height));
        Assert.Equal(collection.Mask.Values.ToArray(), source.Mask!.Values.ToArray());
        for (var i = 0; i < 3; i++)
        {
            var frame = await source.ReadFrameAsync(i);
            Assert.Equal(collection.Frames[i], frame.Pixels);
            Assert.Equal(collection.MasterPath, frame.File);
            Assert.Equal(i + 1, frame.Number);
        }
    }

    [Fact]
    public async Task A_data_file_series_is_read_without_its_master_with_the_default_eiger_geometry()
    {
        using var collection = new TestCollection(images: 5, framesPerFile: 2);
        using var source = await FrameSource.OpenAsync(collection.DataPath(1));
        Assert.False(source.IsMaster);
        Assert.Null(source.ImageCount);
        Assert.Equal((0.075, 250.0, 60.0, 48.0), (source.Detector.PixelSizeMm, source.Detector.DistanceMm, source.Detector.BeamCentreFast, source.Detector.BeamCentreSlow));
        Assert.Equal(PixelMask.EigerModuleGaps(120, 96).Values.ToArray(), source.Mask!.Values.ToArray());
        var last = await source.ReadFrameAsync(4);
        Assert.Equal(collection.Frames[4], last.Pixels);
        Assert.Equal(collection.DataPath(3), last.File);
        Assert.Equal(collection.Frames[1], (await source.ReadFrameAsync(1)).Pixels);
    }

    [Fact]
    public async Task Opening_waits_for_a_data_file_that_is_not_written_yet()
    {
        using var collection = new TestCollection(writeFiles: false);
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var options = new FrameReaderOptions { TimeProvider = clock, Timeout = TimeSpan.FromSeconds(10), PollInterval = TimeSpan.FromMilliseconds(100) };
        var opening = FrameSource.OpenAsync(collection.DataPath(1), options);
        Assert.False(opening.IsCompleted);

        collection.WriteData();
        clock.Advance(TimeSpan.FromSeconds(2));
        using var source = await opening.WaitAsync(Guard);
        Assert.Equal(collection.Frames[0], (await source.ReadFrameAsync(0)).Pixels);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(2), (await source.ReadFrameAsync(0)).SeenAt);
    }

    [Fact]
    public async Task A_frame_in_a_file_not_written_yet_is_waited_for()
    {
        using var collection = new TestCollection(images: 4, framesPerFile: 2);
        var second = collection.DataPath(2);
        var hidden = second + ".hidden";
        File.Move(second, hidden);
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var source = await FrameSource.OpenAsync(collection.DataPath(1), new FrameReaderOptions { TimeProvider = clock, Timeout = TimeSpan.FromSeconds(10) });
        var reading = source.ReadFrameAsync(3);
        Assert.False(reading.IsCompleted);

        File.Move(hidden, second);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(collection.Frames[3], (await reading.WaitAsync(Guard)).Pixels);
    }

    [Fact]
    public async Task A_frame_never_written_times_out_naming_the_file_and_frame()
    {
        using var collection = new TestCollection(images: 2, framesPerFile: 2);
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var source = await FrameSource.OpenAsync(collection.DataPath(1), new FrameReaderOptions { TimeProvider = clock, Timeout = TimeSpan.FromSeconds(5) });
        var reading = source.ReadFrameAsync(2);
        clock.Advance(TimeSpan.FromSeconds(6));
        var error = await Assert.ThrowsAsync<FrameTimeoutException>(() => reading.WaitAsync(Guard));
        Assert.Equal(collection.DataPath(2), error.FilePath);
        Assert.Equal(3, error.FrameNumber);
        Assert.Contains("frame 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("xtal_1_000002.h5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_master_that_never_appears_times_out()
    {
        var clock = new FakeTimeProvider();
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.nxs");
        var opening = FrameSource.OpenAsync(path, new FrameReaderOptions { TimeProvider = clock, Timeout = TimeSpan.FromSeconds(3) });
        clock.Advance(TimeSpan.FromSeconds(4));
        var error = await Assert.ThrowsAsync<FrameTimeoutException>(() => opening.WaitAsync(Guard));
        Assert.Equal(path, error.FilePath);
        Assert.Null(error.FrameNumber);
    }

    [Fact]
    public async Task A_master_waits_for_the_data_files_it_links()
    {
        using var collection = new TestCollection();
        var first = collection.DataPath(1);
        File.Move(first, first + ".partial");
        var clock = new FakeTimeProvider();
        var opening = FrameSource.OpenAsync(collection.MasterPath, new FrameReaderOptions { TimeProvider = clock, Timeout = TimeSpan.FromSeconds(10) });
        Assert.False(opening.IsCompleted);
        File.Move(first + ".partial", first);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var source = await opening.WaitAsync(Guard);
        Assert.Equal(collection.Frames[2], (await source.ReadFrameAsync(2)).Pixels);
    }

    [Fact]
    public async Task A_file_that_is_not_hdf5_fails_at_once()
    {
        using var collection = new TestCollection(writeFiles: false);
        await File.WriteAllTextAsync(collection.DataPath(1), "not HDF5");
        var error = await Assert.ThrowsAsync<FrameException>(() => FrameSource.OpenAsync(collection.DataPath(1)));
        Assert.IsNotType<FrameTimeoutException>(error);
        Assert.Contains("not a readable HDF5 file", error.Message, StringComparison.Ordinal);
        Assert.Equal(collection.DataPath(1), error.FilePath);

        await File.WriteAllTextAsync(collection.MasterPath, "not HDF5 either");
        var master = await Assert.ThrowsAsync<FrameException>(() => FrameSource.OpenAsync(collection.MasterPath));
        Assert.Contains("not a readable NXmx master", master.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_frame_past_the_end_of_the_data_files_a_master_links_is_refused()
    {
        using var collection = new TestCollection();
        using var source = await FrameSource.OpenAsync(collection.MasterPath);
        var error = await Assert.ThrowsAsync<FrameException>(() => source.ReadFrameAsync(3));
        Assert.Contains("hold 3 frames", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.FrameNumber);
    }

    [Fact]
    public void Bad_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameReaderOptions { PollInterval = TimeSpan.Zero }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameReaderOptions { Timeout = TimeSpan.FromSeconds(-1) }.Validate());
    }
}
