using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Pv;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Devices.Signals;

namespace Hyperion.SimBeamline.Oav;

/// <summary>
/// OAV images read over Channel Access, for a process that is not the twin's (the twin's own camera is the
/// in-process source): the standard-arrays plugin's ARR:ArrayData, 8-bit grey row after row, sized by
/// ARR:ArraySize0_RBV (width) and ARR:ArraySize1_RBV (height), a new image each time ARR:UniqueId_RBV changes (the
/// plugin posts the array before its id). Works with any <see cref="IPvClient"/>: libca-compatible CA to the twin's
/// CaServer, or a real areaDetector IOC with an NDStdArrays plugin.
/// </summary>
/// <param name="client">The client to read with.</param>
/// <param name="oavPrefix">The OAV's prefix (e.g. BL03S-DI-OAV-01:).</param>
/// <param name="connectTimeout">How long to wait for the PVs to connect (10 s by default).</param>
public sealed class CaOavImageSource(IPvClient client, string oavPrefix, TimeSpan? connectTimeout = null) : IOavImageSource
{
    /// <summary>The array PV.</summary>
    public string ArrayPv => oavPrefix + "ARR:ArrayData";

    /// <inheritdoc/>
    /// <exception cref="OavImageException">An image's array is shorter than its sizes say.</exception>
    /// <exception cref="ChannelAccess.Pv.PvTimeoutException">The PVs did not connect in time.</exception>
    public async IAsyncEnumerable<Image2D<byte>> ObserveImagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var timeout = connectTimeout ?? TimeSpan.FromSeconds(10);
        var array = client.Channel(ArrayPv);
        var width = client.Channel(oavPrefix + "ARR:ArraySize0_RBV");
        var height = client.Channel(oavPrefix + "ARR:ArraySize1_RBV");
        var id = client.Channel(oavPrefix + "ARR:UniqueId_RBV");
        foreach (var channel in new[] { array, width, height, id })
        {
            await channel.WaitForConnectionAsync(timeout, cancellationToken).ConfigureAwait(false);
        }

        // Only the newest id matters: a reader that falls behind skips to the latest image.
        var ids = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var subscription = id.Subscribe(value => ids.Writer.TryWrite((long)value.GetDouble()), ChannelAccess.Protocol.EventMask.Value, DbrCategory.Plain);
        try
        {
            var last = 0L;
            await foreach (var uniqueId in ids.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (uniqueId <= 0 || uniqueId == last)
                {
                    // No image yet, or this one was already read.
                    continue;
                }

                last = uniqueId;
                yield return await ReadImageAsync(array, width, height, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<Image2D<byte>> ReadImageAsync(IPvChannel array, IPvChannel widthPv, IPvChannel heightPv, CancellationToken cancellationToken)
    {
        var width = (int)(await widthPv.GetAsync(DbrCategory.Plain, cancellationToken: cancellationToken).ConfigureAwait(false)).GetDouble();
        var height = (int)(await heightPv.GetAsync(DbrCategory.Plain, cancellationToken: cancellationToken).ConfigureAwait(false)).GetDouble();
        if (width <= 0 || height <= 0)
        {
            throw new OavImageException(ArrayPv, width, height, 0);
        }

        // The whole array as served: a server refuses a count beyond its length, and a short one is this reader's to report.
        var value = await array.GetAsync(DbrCategory.Plain, 0, cancellationToken).ConfigureAwait(false);
        if (value.Count < width * height)
        {
            throw new OavImageException(ArrayPv, width, height, value.Count);
        }

        var pixels = value.Values is byte[] bytes && bytes.Length == width * height ? bytes : ToBytes(value, width * height);
        return new Image2D<byte>(height, width, pixels);
    }

    private static byte[] ToBytes(DbrValue value, int count)
    {
        var pixels = new byte[count];
        for (var i = 0; i < count; i++)
        {
            pixels[i] = (byte)Math.Clamp(value.GetDouble(i), 0, 255);
        }

        return pixels;
    }
}
