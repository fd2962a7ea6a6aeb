using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Tests.Mx.Oav;

public class PinTipDetectionTests
{
    private const int Width = 60;
    private const int Height = 40;

    private sealed class QueuedImages : IOavImageSource
    {
        public Channel<Image2D<byte>> Images { get; } = Channel.CreateUnbounded<Image2D<byte>>();

        public async IAsyncEnumerable<Image2D<byte>> ObserveImagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var image in Images.Reader.ReadAllAsync(cancellationToken))
            {
                yield return image;
            }
        }
    }

    // A bright pin on a dark background: a shaft 10 rows high from the left edge to column 30, then a tip 4 rows
    // high to column 40.
    private static Image2D<byte> PinFromTheLeft()
    {
        var pixels = new byte[Width * Height];
        for (var x = 0; x <= 40; x++)
        {
            var (top, bottom) = x <= 30 ? (15, 24) : (18, 21);
            for (var y = top; y <= bottom; y++)
            {
                pixels[(y * Width) + x] = 200;
            }
        }

        return new Image2D<byte>(Height, Width, pixels);
    }

    private static Image2D<byte> Mirror(Image2D<byte> image)
    {
        var pixels = new byte[image.Width * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                pixels[(y * image.Width) + x] = image[y, image.Width - 1 - x];
            }
        }

        return new Image2D<byte>(image.Height, image.Width, pixels);
    }

    private static Image2D<byte> Blank() => new(Height, Width, new byte[Width * Height]);

    private static Image2D<byte> EdgeImage(params (int X, int Top, int Bottom)[] columns)
    {
        var pixels = new byte[10 * 8];
        foreach (var (x, top, bottom) in columns)
        {
            pixels[(top * 10) + x] = 255;
            pixels[(bottom * 10) + x] = 255;
        }

        return new Image2D<byte>(8, 10, pixels);
    }

    private static async Task<(PinTipDetection Detector, QueuedImages Images)> MockDetectorAsync()
    {
        var images = new QueuedImages();
        var detector = new PinTipDetection("BL03I-DI-OAV-01:", images, "pin_tip_detection");
        await detector.ConnectAsync(new DeviceConnectOptions { Mock = true });
        return (detector, images);
    }

    [Fact]
    public void Scanning_forward_the_tip_is_the_leftmost_edge_joined_to_the_sample()
    {
        var edges = EdgeImage((2, 3, 3), (3, 2, 4), (4, 1, 6), (5, 1, 6), (6, 1, 6));
        var location = new MxSampleDetect(scanDirection: ScanDirections.Forward, minTipHeight: 5).LocateSample(edges);
        Assert.Equal(2, location.TipX);
        Assert.Equal(3, location.TipY);
        Assert.Equal([-1, -1, 3, 2, 1, 1, 1, -1, -1, -1], location.EdgeTop);
        Assert.Equal([-1, -1, 3, 4, 6, 6, 6, -1, -1, -1], location.EdgeBottom);
    }

    [Fact]
    public void Scanning_in_reverse_the_tip_is_the_rightmost_edge_and_edges_beyond_it_are_cleared()
    {
        var edges = EdgeImage((0, 1, 1), (2, 1, 6), (3, 1, 6), (4, 2, 5), (5, 3, 4));
        var location = new MxSampleDetect(scanDirection: ScanDirections.Reverse, minTipHeight: 5).LocateSample(edges);
        Assert.Equal(5, location.TipX);
        Assert.Equal(4, location.TipY);
        Assert.Equal([1, -1, 1, 1, 2, 3, -1, -1, -1, -1], location.EdgeTop);
    }

    [Fact]
    public void A_sample_reaching_the_image_edge_has_its_tip_at_the_edge()
    {
        var edges = EdgeImage((7, 1, 6), (8, 2, 5), (9, 3, 4));
        var location = new MxSampleDetect(scanDirection: ScanDirections.Reverse, minTipHeight: 5).LocateSample(edges);
        Assert.Equal(9, location.TipX);
        Assert.Equal(4, location.TipY);
    }

    [Fact]
    public void Only_narrow_edges_give_no_tip()
    {
        var edges = EdgeImage((2, 3, 4), (3, 3, 5));
        var location = new MxSampleDetect(minTipHeight: 5).LocateSample(edges);
        Assert.Null(location.TipX);
        Assert.Null(location.TipY);
        Assert.Equal(3, location.EdgeTop[2]);
    }

    [Fact]
    public void Canny_finds_the_boundary_of_a_bright_block()
    {
        var edges = ArrayProcessing.Canny(PinFromTheLeft(), 100, 50);
        Assert.Equal(255, edges[14, 10]);
        Assert.Equal(255, edges[24, 10]);
        Assert.Equal(0, edges[15, 10]);
        Assert.Equal(0, edges[20, 10]);
        Assert.Equal(0, edges[5, 10]);
    }

    [Fact]
    public void The_whole_detection_finds_the_tip_of_a_pin_coming_from_the_left_when_scanning_in_reverse()
    {
        var location = new MxSampleDetect(scanDirection: ScanDirections.Reverse).ProcessArray(PinFromTheLeft());
        Assert.InRange(location.TipX!.Value, 40, 42);
        Assert.InRange(location.TipY!.Value, 19, 20);
        Assert.True(location.EdgeTop.Skip(location.TipX.Value + 1).All(t => t == -1));
    }

    [Fact]
    public async Task Trigger_with_the_default_direction_scans_in_reverse_and_sets_tip_and_edges()
    {
        var (detector, images) = await MockDetectorAsync();
        await images.Images.Writer.WriteAsync(PinFromTheLeft());
        await detector.Trigger().WaitAsync(TimeSpan.FromSeconds(10));
        var tip = await detector.TriggeredTip.GetValueAsync();
        Assert.InRange(tip[0], 40, 42);
        Assert.InRange(tip[1], 19, 20);
        Assert.Equal(Width, (await detector.TriggeredTopEdge.GetValueAsync()).Length);
        Assert.Equal(Width, (await detector.TriggeredBottomEdge.GetValueAsync()).Length);
    }

    [Fact]
    public async Task Scan_direction_zero_scans_forward()
    {
        var (detector, images) = await MockDetectorAsync();
        await detector.ScanDirection.SetAsync(0);
        await images.Images.Writer.WriteAsync(Mirror(PinFromTheLeft()));
        await detector.Trigger().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.InRange((await detector.TriggeredTip.GetValueAsync())[0], Width - 43, Width - 41);
    }

    [Fact]
    public async Task An_image_without_a_tip_is_skipped_for_the_next()
    {
        var (detector, images) = await MockDetectorAsync();
        await images.Images.Writer.WriteAsync(Blank());
        await images.Images.Writer.WriteAsync(PinFromTheLeft());
        await detector.Trigger().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.InRange((await detector.TriggeredTip.GetValueAsync())[0], 40, 42);
    }

    [Fact]
    public async Task No_tip_within_the_validity_timeout_gives_the_invalid_position_and_empty_edges()
    {
        var (detector, images) = await MockDetectorAsync();
        await detector.ValidityTimeout.SetAsync(0.2);
        await images.Images.Writer.WriteAsync(Blank());
        await detector.Trigger().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(new[] { int.MinValue, int.MinValue }, await detector.TriggeredTip.GetValueAsync());
        Assert.Empty(await detector.TriggeredTopEdge.GetValueAsync());
        Assert.Empty(await detector.TriggeredBottomEdge.GetValueAsync());
    }

    [Fact]
    public async Task The_triggered_values_are_read_and_hinted_under_dodals_names()
    {
        var (detector, _) = await MockDetectorAsync();
        string[] keys = ["pin_tip_detection-triggered_tip", "pin_tip_detection-triggered_top_edge", "pin_tip_detection-triggered_bottom_edge"];
        Assert.Equal(keys, (await detector.ReadAsync()).Keys);
        Assert.Equal(keys, detector.Hints.Fields);
        Assert.Equal("pva://BL03I-DI-OAV-01:PVA:ARRAY", detector.ArrayDataPv);
        Assert.Equal(1, await detector.ScanDirection.GetValueAsync());
        Assert.Equal(10, await detector.PreprocessOperation.GetValueAsync());
        Assert.Equal(5.0, await detector.ValidityTimeout.GetValueAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(99)]
    public async Task Each_preprocessing_operation_still_finds_the_pin(int operation)
    {
        var (detector, _) = await MockDetectorAsync();
        await detector.PreprocessOperation.SetAsync(operation);
        await detector.PreprocessKsize.SetAsync(3);
        await detector.PreprocessIterations.SetAsync(1);
        var location = await detector.GetTipAndEdgeDataAsync(PinFromTheLeft());
        Assert.InRange(location.TipX!.Value, 38, 43);
    }
}
