using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Server;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Oav;

namespace Hyperion.SimBeamline.Tests.Oav;

/// <summary>A separate process's view of the twin's OAV: the image read over Channel Access from the twin's CaServer.</summary>
public sealed class CaOavImageSourceTests : IAsyncLifetime
{
    private const string OavPrefix = "BL03S-DI-OAV-01:";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private SimulatedBeamline _twin = null!;
    private TwinOverCa _ca = null!;

    public async Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03");
        _ca = await TwinOverCa.StartAsync(_twin);
    }

    public async Task DisposeAsync()
    {
        await _ca.DisposeAsync();
        await _twin.DisposeAsync();
    }

    [Fact]
    public async Task The_image_read_over_channel_access_is_the_frame_the_camera_drew_and_follows_the_smargon()
    {
        var first = await _twin.Oav.WaitForFrameAsync(_ => true).WaitAsync(Timeout);
        var source = new CaOavImageSource(_ca.Client, OavPrefix);
        using var cancel = new CancellationTokenSource(Timeout);
        await using var images = source.ObserveImagesAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);

        Assert.True(await images.MoveNextAsync());
        var image = images.Current;
        var served = _twin.Oav.CurrentFrame!;
        Assert.Equal((served.Image.Width, served.Image.Height), (image.Width, image.Height));
        Assert.Equal(served.Number >= first.Number ? served.Image.Pixels : first.Image.Pixels, image.Pixels);

        // The pin moves in the picture when the smargon moves: the next image over CA differs.
        var smargon = new TwinPvWriter(_twin.Records, "BL03S-MO-SGON-01:");
        await smargon.SetAsync("Y.VAL", 0.2);
        Assert.True(await images.MoveNextAsync());
        var moved = images.Current;
        Assert.NotEqual(image.Pixels, moved.Pixels);
        var frame = _twin.Oav.CurrentFrame!;
        Assert.Equal((long)frame.Number, (long)new TwinPvWriter(_twin.Records, OavPrefix).Get("ARR:UniqueId_RBV").GetDouble());
    }

    [Fact]
    public async Task An_array_shorter_than_its_sizes_is_refused_naming_the_pv()
    {
        await _twin.Oav.WaitForFrameAsync(_ => true).WaitAsync(Timeout);
        var oav = new TwinPvWriter(_twin.Records, OavPrefix);
        await oav.SetAsync("ARR:ArraySize0_RBV", 4096);
        var source = new CaOavImageSource(_ca.Client, OavPrefix);
        using var cancel = new CancellationTokenSource(Timeout);
        var error = await Assert.ThrowsAsync<OavImageException>(async () =>
        {
            await foreach (var image in source.ObserveImagesAsync(cancel.Token))
            {
                Assert.Fail($"an image {image.Width} wide was read");
            }
        });
        Assert.Equal(OavPrefix + "ARR:ArrayData", error.ArrayPv);
        Assert.Equal(4096, error.Width);
    }

    [Fact]
    public async Task Pvs_that_never_connect_time_out()
    {
        var source = new CaOavImageSource(_ca.Client, "BL03S-DI-NOSUCH-01:", TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAsync<ChannelAccess.Pv.PvTimeoutException>(async () =>
        {
            await foreach (var image in source.ObserveImagesAsync())
            {
                Assert.Fail("an image was read from PVs that do not exist");
            }
        });
    }
}
