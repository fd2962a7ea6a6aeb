using Hyperion.FakeZocalo.Analysis;
using Hyperion.FakeZocalo.Frames;
using Hyperion.FakeZocalo.Messages;
using Hyperion.FakeZocalo.SpotFinding;

namespace Hyperion.FakeZocalo.Tests.Frames;

public sealed class DetectorFrameAnalyserTests
{
    private static PerImageJob Job(TestCollection collection, int frame, TimeSpan deadline) =>
        new(1, 2, collection.Directory, collection.Stem, frame, frame + 1, DateTimeOffset.UtcNow + deadline);

    [Fact]
    public void Frames_are_read_from_the_master_when_there_is_one_else_from_the_first_data_file()
    {
        using var collection = new TestCollection();
        Assert.Equal(collection.MasterPath, DetectorFrameAnalyser.LocateFrames(collection.Directory, collection.Stem));
        File.Delete(collection.MasterPath);
        Assert.Equal(collection.DataPath(1), DetectorFrameAnalyser.LocateFrames(collection.Directory, collection.Stem));
    }

    [Fact]
    public async Task Every_frame_of_a_collection_gives_what_the_spot_finder_gives_for_it()
    {
        using var collection = new TestCollection(images: 3, framesPerFile: 2);
        using var analyser = new DetectorFrameAnalyser();
        using var direct = await CollectionAnalyser.OpenAsync(collection.MasterPath);
        for (var frame = 0; frame < 3; frame++)
        {
            var summary = await analyser.AnalyseAsync(Job(collection, frame, TimeSpan.FromSeconds(30)));
            Assert.Equal((await direct.AnalyseFrameAsync(frame)) with { FileSeenAt = 0 }, summary with { FileSeenAt = 0 });
        }
    }

    [Fact]
    public async Task A_frame_that_is_not_written_by_the_jobs_deadline_is_a_frame_analysis_error_naming_it()
    {
        using var collection = new TestCollection(images: 3, writeFiles: false);
        using var analyser = new DetectorFrameAnalyser();
        var error = await Assert.ThrowsAsync<FrameAnalysisException>(() => analyser.AnalyseAsync(Job(collection, 2, TimeSpan.FromMilliseconds(300))));
        Assert.Equal(2, error.FrameIndex);
        Assert.Contains(collection.Stem, error.Message, StringComparison.Ordinal);
        Assert.Contains("deadline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_whose_deadline_has_passed_fails_at_once()
    {
        using var collection = new TestCollection();
        using var analyser = new DetectorFrameAnalyser();
        var error = await Assert.ThrowsAsync<FrameAnalysisException>(() => analyser.AnalyseAsync(Job(collection, 0, TimeSpan.FromSeconds(-1))));
        Assert.Contains("has passed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_hdf5_is_a_frame_analysis_error_naming_the_file()
    {
        using var collection = new TestCollection(writeFiles: false);
        await File.WriteAllTextAsync(collection.DataPath(1), "not an HDF5 file");
        using var analyser = new DetectorFrameAnalyser();
        var error = await Assert.ThrowsAsync<FrameAnalysisException>(() => analyser.AnalyseAsync(Job(collection, 0, TimeSpan.FromSeconds(1))));
        Assert.Contains(collection.DataPath(1), error.File, StringComparison.Ordinal);
        Assert.Contains("still unreadable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_becomes_readable_before_the_deadline_is_analysed()
    {
        using var collection = new TestCollection(writeFiles: false);
        await File.WriteAllTextAsync(collection.DataPath(1), "being copied");
        using var analyser = new DetectorFrameAnalyser();
        var analysing = analyser.AnalyseAsync(Job(collection, 0, TimeSpan.FromSeconds(30)));
        File.Delete(collection.DataPath(1));
        collection.WriteData();
        Assert.Equal(1, (await analysing).FileNumber);
    }
}
