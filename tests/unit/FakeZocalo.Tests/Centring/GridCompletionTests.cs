using Hyperion.FakeZocalo.Analysis;
using Hyperion.FakeZocalo.Centring;

namespace Hyperion.FakeZocalo.Tests.Centring;

public sealed class GridCompletionTests
{
    private static readonly GridLayout Xy = new(10, 2, 2, GridOrientation.Horizontal, false);
    private static readonly GridLayout Xz = new(11, 2, 1, GridOrientation.Horizontal, false);

    [Fact]
    public void Completes_only_when_every_frame_of_every_grid_is_in()
    {
        var completion = new GridCompletion(5, [Xy, Xz]);
        for (var frame = 1; frame <= 4; frame++)
        {
            completion.Add(10, frame, 1);
        }

        completion.Add(11, 1, 1);
        Assert.False(completion.IsComplete);

        completion.Add(11, 2, 1);
        Assert.True(completion.IsComplete);
    }

    [Fact]
    public void A_duplicate_result_does_not_complete_a_grid_early()
    {
        var completion = new GridCompletion(5, [Xz]);

        Assert.Equal(FrameAcceptance.Added, completion.Add(11, 1, 3));
        Assert.Equal(FrameAcceptance.Duplicate, completion.Add(11, 1, 3));

        Assert.False(completion.IsComplete);
        Assert.Equal(1, completion.FramesSeen(11));
    }

    [Fact]
    public void A_duplicate_result_keeps_the_first_count()
    {
        var completion = new GridCompletion(5, [Xz]);
        completion.Add(11, 1, 3);
        completion.Add(11, 1, 99);
        completion.Add(11, 2, 4);

        Assert.Equal(new[] { 3, 4 }, Assert.Single(completion.ToSpotCounts()).SpotCounts);
    }

    [Fact]
    public void Frames_may_arrive_in_any_order()
    {
        var completion = new GridCompletion(5, [Xy]);
        foreach (var (frame, count) in new[] { (4, 40), (2, 20), (1, 10), (3, 30) })
        {
            completion.Add(10, frame, count);
        }

        Assert.Equal(new[] { 10, 20, 30, 40 }, Assert.Single(completion.ToSpotCounts()).SpotCounts);
    }

    [Fact]
    public void Per_image_summaries_are_recorded_by_file_number_and_spot_total()
    {
        var completion = new GridCompletion(5, [Xz]);
        completion.Add(11, new ImageSpotSummary("grid_1.nxs", 2, 0, 7, 7, 7, 100, 3.1));
        completion.Add(11, new ImageSpotSummary("grid_1.nxs", 1, 0, 5, 5, 5, 100, 3.1));

        Assert.Equal(new[] { 5, 7 }, Assert.Single(completion.ToSpotCounts()).SpotCounts);
    }

    [Fact]
    public void Gathered_counts_centre_like_the_counts_given_directly()
    {
        int[][] xy = [[0, 1, 0, 0], [0, 4, 2, 0], [0, 0, 0, 0]];
        int[][] xz = [[0, 2, 2, 0], [0, 1, 0, 0]];
        var grids = new[] { Grids.Horizontal(10, xy, snaked: true), Grids.Horizontal(11, xz, snaked: true) };
        var completion = new GridCompletion(5, [grids[0].Layout, grids[1].Layout]);
        foreach (var grid in grids.Reverse())
        {
            for (var i = grid.SpotCounts.Count - 1; i >= 0; i--)
            {
                completion.Add(grid.Dcid, i + 1, grid.SpotCounts[i]);
            }
        }

        Assert.Equal(XrayCentring.Centre(grids).Results, XrayCentring.Centre(completion.ToSpotCounts()).Results);
    }

    [Fact]
    public void Results_from_many_threads_are_all_counted_once()
    {
        var big = new GridLayout(20, 30, 20, GridOrientation.Horizontal, true);
        var completion = new GridCompletion(5, [big]);
        var added = 0;

        // Every frame is sent four times, concurrently.
        Parallel.For(0, big.FrameCount * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var frame = (i % big.FrameCount) + 1;
            if (completion.Add(20, frame, frame) == FrameAcceptance.Added)
            {
                Interlocked.Increment(ref added);
            }
        });

        Assert.Equal(big.FrameCount, added);
        Assert.True(completion.IsComplete);
        Assert.Equal(Enumerable.Range(1, big.FrameCount), Assert.Single(completion.ToSpotCounts()).SpotCounts);
    }

    [Fact]
    public void Counts_cannot_be_taken_before_completion()
    {
        var completion = new GridCompletion(5, [Xy, Xz]);
        completion.Add(11, 1, 0);
        completion.Add(11, 2, 0);

        var ex = Assert.Throws<CentringInputException>(completion.ToSpotCounts);

        Assert.Contains("grid 10 has 0 of 4 frames", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_frame_outside_the_grid_is_rejected(int fileNumber)
    {
        var completion = new GridCompletion(5, [Xy]);

        Assert.Equal("file-number", Assert.Throws<CentringInputException>(() => completion.Add(10, fileNumber, 1)).Field);
    }

    [Fact]
    public void A_result_for_another_collection_is_rejected()
    {
        var completion = new GridCompletion(5, [Xy]);

        Assert.Equal("dcid", Assert.Throws<CentringInputException>(() => completion.Add(99, 1, 1)).Field);
    }

    [Fact]
    public void A_negative_count_is_rejected()
    {
        var completion = new GridCompletion(5, [Xy]);

        Assert.Equal("n_spots_total", Assert.Throws<CentringInputException>(() => completion.Add(10, 1, -1)).Field);
    }

    [Fact]
    public void Grids_must_be_one_or_two_with_distinct_dcids_and_positive_steps()
    {
        Assert.Equal("grids", Assert.Throws<CentringInputException>(() => new GridCompletion(5, [])).Field);
        Assert.Equal("grids[1].dcid", Assert.Throws<CentringInputException>(() => new GridCompletion(5, [Xy, Xy])).Field);
        Assert.Equal("grids[0].steps_y", Assert.Throws<CentringInputException>(() => new GridCompletion(5, [Xy with { StepsY = 0 }])).Field);
    }
}
