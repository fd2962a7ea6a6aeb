using System.Net;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Oav;

namespace Hyperion.Devices.Tests.Mx.Oav;

public sealed class SnapshotTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oav-snapshots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class FixedResponse(HttpStatusCode status) : HttpMessageHandler
    {
        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent([1, 2, 3]) });
        }
    }

    private static void Record(List<string> order, string what, string path)
    {
        if (path.Length > 0)
        {
            lock (order)
            {
                order.Add($"{what} {Path.GetFileName(path)}");
            }
        }
    }

    private static SnapshotImage Decode(byte[] data) => new(40, 30);

    [Fact]
    public async Task A_snapshot_fetches_the_jpeg_url_and_saves_a_png_in_a_new_folder()
    {
        var handler = new FixedResponse(HttpStatusCode.OK);
        using var http = new HttpClient(handler);
        var snapshot = new Snapshot("BL03I-DI-OAV-01:MJPG:", "oav-snapshot", httpClient: http, decoder: Decode);
        await snapshot.ConnectAsync(new DeviceConnectOptions { Mock = true });
        snapshot.Url.Mock!.SetValue("http://oav.diamond.ac.uk/jpg");
        await snapshot.Directory.SetAsync(_folder + "/");
        await snapshot.Filename.SetAsync("pin");

        await snapshot.Trigger();

        Assert.Equal(new Uri("http://oav.diamond.ac.uk/jpg"), Assert.Single(handler.Requests));
        var path = await snapshot.LastSavedPath.GetValueAsync();
        Assert.Equal(_folder + "/pin.png", path);
        var png = await File.ReadAllBytesAsync(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public async Task A_failed_http_status_fails_the_trigger()
    {
        using var http = new HttpClient(new FixedResponse(HttpStatusCode.NotFound));
        var snapshot = new Snapshot("BL03I-DI-OAV-01:MJPG:", "oav-snapshot", httpClient: http, decoder: Decode);
        await snapshot.ConnectAsync(new DeviceConnectOptions { Mock = true });
        snapshot.Url.Mock!.SetValue("http://oav.diamond.ac.uk/jpg");
        await Assert.ThrowsAsync<HttpRequestException>(async () => await snapshot.Trigger());
        Assert.Equal(string.Empty, await snapshot.LastSavedPath.GetValueAsync());
    }

    [Fact]
    public async Task A_url_pv_holding_no_http_url_fails_the_trigger_naming_the_pv()
    {
        using var http = new HttpClient(new FixedResponse(HttpStatusCode.OK));
        var snapshot = new Snapshot("BL03I-DI-OAV-01:MJPG:", "oav-snapshot", httpClient: http);
        await snapshot.ConnectAsync(new DeviceConnectOptions { Mock = true });

        var error = await Assert.ThrowsAsync<SnapshotException>(async () => await snapshot.Trigger());

        Assert.Contains("JPG_URL_RBV", error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await snapshot.LastSavedPath.GetValueAsync());
    }

    [Fact]
    public async Task Bytes_that_are_not_an_image_fail_the_trigger_naming_the_url()
    {
        using var http = new HttpClient(new FixedResponse(HttpStatusCode.OK));
        var snapshot = new Snapshot("BL03I-DI-OAV-01:MJPG:", "oav-snapshot", httpClient: http);
        await snapshot.ConnectAsync(new DeviceConnectOptions { Mock = true });
        snapshot.Url.Mock!.SetValue("http://oav.diamond.ac.uk/jpg");

        var error = await Assert.ThrowsAsync<SnapshotException>(async () => await snapshot.Trigger());

        Assert.Contains("http://oav.diamond.ac.uk/jpg", error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await snapshot.LastSavedPath.GetValueAsync());
    }

    [Fact]
    public void The_default_decoder_reads_a_greyscale_jpeg_into_rgb()
    {
        var info = new SkiaSharp.SKImageInfo(32, 16, SkiaSharp.SKColorType.Gray8, SkiaSharp.SKAlphaType.Opaque);
        using var bitmap = new SkiaSharp.SKBitmap(info);
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i % 32 * 8);
        }

        using var jpeg = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 100);

        var image = JpegSnapshotDecoder.Decode(jpeg.ToArray());

        Assert.Equal((32, 16), (image.Width, image.Height));
        var (r, g, b) = image[20, 5];
        Assert.InRange(r, 150, 170);
        Assert.Equal(r, g);
        Assert.Equal(r, b);
    }

    [Fact]
    public async Task A_grid_snapshot_saves_the_image_then_the_border_then_the_full_grid()
    {
        using var http = new HttpClient(new FixedResponse(HttpStatusCode.OK));
        var snapshot = new SnapshotWithGrid("BL03I-DI-OAV-01:MJPG:", "oav-grid_snapshot", httpClient: http, decoder: Decode);
        await snapshot.ConnectAsync(new DeviceConnectOptions { Mock = true });
        snapshot.Url.Mock!.SetValue("http://oav.diamond.ac.uk/jpg");
        await snapshot.Directory.SetAsync(_folder);
        await snapshot.Filename.SetAsync("grid");
        await snapshot.TopLeftX.SetAsync(5.7);
        await snapshot.TopLeftY.SetAsync(4);
        await snapshot.BoxWidth.SetAsync(6);
        await snapshot.NumBoxesX.SetAsync(3);
        await snapshot.NumBoxesY.SetAsync(2);
        var order = new List<string>();
        snapshot.LastSavedPath.SubscribeValue(v => Record(order, "saved", v));
        snapshot.LastPathOuter.SubscribeValue(v => Record(order, "outer", v));
        snapshot.LastPathFullOverlay.SubscribeValue(v => Record(order, "full", v));

        await snapshot.Trigger();

        Assert.Equal(["saved grid.png", "outer grid_outer_overlay.png", "full grid_grid_overlay.png"], order);
        Assert.True(File.Exists(Path.Combine(_folder, "grid.png")));
        Assert.True(File.Exists(Path.Combine(_folder, "grid_outer_overlay.png")));
        Assert.True(File.Exists(Path.Combine(_folder, "grid_grid_overlay.png")));
    }

    [Fact]
    public void The_grid_overlay_draws_the_border_and_the_box_lines_as_dodal_does()
    {
        var image = new SnapshotImage(40, 30);
        GridOverlay.AddGridBorderOverlayToImage(image, 5, 4, 6, 3, 2);
        Assert.Equal((255, 255, 255), image[5, 4]);
        Assert.Equal((255, 255, 255), image[23, 16]);
        Assert.Equal((255, 255, 255), image[5, 16]);
        Assert.Equal((0, 0, 0), image[11, 10]);
        GridOverlay.AddGridOverlayToImage(image, 5, 4, 6, 3, 2);
        Assert.Equal((255, 255, 255), image[11, 10]);
        Assert.Equal((255, 255, 255), image[17, 4]);
        Assert.Equal((255, 255, 255), image[8, 10]);
        Assert.Equal((0, 0, 0), image[8, 7]);
    }
}
