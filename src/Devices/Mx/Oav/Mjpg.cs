using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// The OAV's MJPG plugin as a snapshot taker (dodal's MJPG): trigger fetches the JPEG at <see cref="Url"/> over
/// HTTP (a failed status fails the trigger), decodes it and hands it to <see cref="PostProcessingAsync"/>, which
/// saves it as <c>{directory}/{filename}.png</c>. The fetched JPEG is decoded by <see cref="JpegSnapshotDecoder"/>
/// unless another decoder is given.
/// </summary>
public abstract class Mjpg : StandardReadable, ITriggerable
{
    /// <summary>The saved format.</summary>
    public const string ImgFormat = "png";

    private static readonly HttpClient SharedHttp = new();
    private readonly HttpClient _http;
    private readonly Func<byte[], SnapshotImage> _decoder;

    /// <summary>Creates the plugin on <paramref name="prefix"/> (e.g. BL03I-DI-OAV-01:MJPG:).</summary>
    protected Mjpg(string prefix, string name = "", string xSizePv = "ArraySize1_RBV", string ySizePv = "ArraySize2_RBV", HttpClient? httpClient = null, Func<byte[], SnapshotImage>? decoder = null)
        : base(string.Empty)
    {
        _http = httpClient ?? SharedHttp;
        _decoder = decoder ?? JpegSnapshotDecoder.Decode;
        Url = Epics.SignalRW<string>(prefix + "JPG_URL_RBV");
        VideoUrl = Epics.SignalRW<string>(prefix + "MJPG_URL_RBV");
        XSize = Epics.SignalR<int>(prefix + xSizePv);
        YSize = Epics.SignalR<int>(prefix + ySizePv);
        Filename = Soft.SignalRW(string.Empty);
        Directory = Soft.SignalRW(string.Empty);
        LastSavedPath = Soft.SignalRW(string.Empty);
        AddReadables(StandardReadableFormat.Child, Filename, Directory, LastSavedPath);
    }

    /// <summary>JPG_URL_RBV: where a single JPEG is served.</summary>
    public SignalRW<string> Url { get; }

    /// <summary>MJPG_URL_RBV: the video stream.</summary>
    public SignalRW<string> VideoUrl { get; }

    /// <summary>The image width (ArraySize1_RBV by default).</summary>
    public SignalR<int> XSize { get; }

    /// <summary>The image height (ArraySize2_RBV by default).</summary>
    public SignalR<int> YSize { get; }

    /// <summary>The file name to save under, without extension.</summary>
    public SignalRW<string> Filename { get; }

    /// <summary>The folder to save in (created if missing).</summary>
    public SignalRW<string> Directory { get; }

    /// <summary>Where the last snapshot went.</summary>
    public SignalRW<string> LastSavedPath { get; }

    /// <summary>Takes a snapshot.</summary>
    public Status Trigger() => new(TriggerAsync(), this);

    /// <summary>Fetches, decodes and post-processes one image.</summary>
    /// <exception cref="HttpRequestException">The camera server answered with a failure status.</exception>
    /// <exception cref="SnapshotException">The URL PV holds no http URL, or what it served is not an image.</exception>
    public async Task TriggerAsync(CancellationToken cancellationToken = default)
    {
        var url = await Url.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new SnapshotException($"{Name}: {Url.Source} holds '{url}', not an http(s) URL to fetch a snapshot from.");
        }

        using var response = await _http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var data = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        SnapshotImage image;
        try
        {
            image = _decoder(data);
        }
        catch (SnapshotException e)
        {
            throw new SnapshotException($"{Name}: the snapshot from {url}: {e.Message}", e);
        }

        await PostProcessingAsync(image, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What to do with a fetched image.</summary>
    protected abstract Task PostProcessingAsync(SnapshotImage image, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="image"/> as <c>{directory}/{filename}.png</c> and records the path.</summary>
    protected async Task SaveImageAsync(SnapshotImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var directory = await Directory.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var filename = await Filename.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var path = PosixPath($"{directory}/{filename}.{ImgFormat}");
        System.IO.Directory.CreateDirectory(directory);
        await WritePngAsync(image, path, cancellationToken).ConfigureAwait(false);
        await LastSavedPath.SetAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="image"/> to <paramref name="path"/> as PNG.</summary>
    protected static Task WritePngAsync(SnapshotImage image, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        return File.WriteAllBytesAsync(path, image.ToPng(), cancellationToken);
    }

    // pathlib's as_posix() collapses repeated separators.
    private static string PosixPath(string path)
    {
        while (path.Contains("//", StringComparison.Ordinal))
        {
            path = path.Replace("//", "/", StringComparison.Ordinal);
        }

        return path;
    }
}
