using System.Text;
using Hyperion.Cli.Sim;
using Hyperion.Devices.Mx.Oav;
using Hyperion.SimBeamline;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Oav;

namespace Hyperion.Cli.Tests.Sim;

/// <summary>The twin OAV's MJPG server: the frame dodal's snapshot devices fetch, and the stream a viewer watches.</summary>
public sealed class OavMjpgServerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new() { Timeout = Patience };
    private SimulatedBeamline _twin = null!;
    private OavMjpgServer _server = null!;

    public async Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03");
        _server = await OavMjpgServer.StartAsync(_twin.Oav, _twin.Records);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        await _twin.DisposeAsync();
    }

    [Fact]
    public async Task The_plugins_url_pvs_name_where_the_server_listens()
    {
        var plugin = new TwinPvWriter(_twin.Records, _twin.Oav.Prefix + "MJPG:");

        Assert.Equal(_server.JpegUrl.ToString(), plugin.GetText("JPG_URL_RBV"));
        Assert.Equal(_server.StreamUrl.ToString(), plugin.GetText("MJPG_URL_RBV"));
        Assert.Equal("127.0.0.1", _server.JpegUrl.Host);
        Assert.EndsWith("/OAV.MJPG.jpg", _server.JpegUrl.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jpeg_is_the_cameras_newest_frame()
    {
        using var response = await _http.GetAsync(_server.JpegUrl);
        response.EnsureSuccessStatusCode();
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var image = JpegSnapshotDecoder.Decode(await response.Content.ReadAsByteArrayAsync());

        var frame = _twin.Oav.CurrentFrame!;
        Assert.Equal((frame.Image.Width, frame.Image.Height), (image.Width, image.Height));
        var difference = 0.0;
        for (var row = 0; row < image.Height; row += 7)
        {
            for (var column = 0; column < image.Width; column += 7)
            {
                difference += Math.Abs(image[column, row].R - frame.Image[row, column]);
            }
        }

        var samples = Math.Ceiling(image.Height / 7.0) * Math.Ceiling(image.Width / 7.0);
        Assert.True(difference / samples < 3, $"mean difference {difference / samples:0.00} grey levels");
    }

    [Fact]
    public async Task The_stream_sends_frames_as_multipart_jpegs()
    {
        using var response = await _http.GetAsync(_server.StreamUrl, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("multipart/x-mixed-replace", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var header = new StringBuilder();
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            var next = stream.ReadByte();
            Assert.NotEqual(-1, next);
            header.Append((char)next);
        }

        Assert.StartsWith("--BOUNDARY\r\nContent-Type: image/jpeg\r\nContent-Length: ", header.ToString(), StringComparison.Ordinal);
        var length = int.Parse(header.ToString().Split("Content-Length: ")[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var jpeg = new byte[length];
        await stream.ReadExactlyAsync(jpeg);
        Assert.Equal(_twin.Oav.Optics.Width, JpegSnapshotDecoder.Decode(jpeg).Width);
    }
}
