using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hyperion.FakeZocalo.Analysis;
using Hyperion.FakeZocalo.Frames;
using Hyperion.FakeZocalo.SpotFinding;
using Hyperion.Nexus.Geometry;

namespace Hyperion.FakeZocalo.Cli;

/// <summary>
/// <c>fakezocalo find-spots PATH</c>: the per-image analysis of a collection's frames (an NXmx master or a data file),
/// printing for each image what <c>dials.find_spots</c> logs (strong pixels, spots) and the table of
/// <c>dials.spot_counts_per_image</c> (spots, spots off ice rings, total intensity, estimated d_min), or all of it as
/// JSON with Zocalo's per-image field names. Exits 0 when every image was analysed, 1 when a file is missing or
/// cannot be read (the error says which file and frame), 2 for bad arguments.
/// </summary>
public static class FindSpotsCommand
{
    /// <summary>Builds the <c>find-spots</c> command.</summary>
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "The collection: an NXmx master ({stem}.nxs) or a data file ({stem}_000001.h5)." };
        var json = new Option<bool>("--json") { Description = "Print the results as one JSON object." };
        var images = new Option<string?>("--images") { Description = "The images to analyse, 1-based: N or FIRST-LAST (default all)." };
        var dMin = new Option<double?>("--d-min") { Description = "Drop spots at higher resolution than this (Å), as dials.find_spots_server does." };
        var dMax = new Option<double?>("--d-max") { Description = "Drop spots at lower resolution than this (Å); Zocalo's per-image analysis uses 40." };
        var noIce = new Option<bool>("--no-ice-filter") { Description = "Count spots on ice rings as any other." };
        var threads = new Option<int>("--threads") { Description = "Threads per frame (-1: all cores).", DefaultValueFactory = _ => -1 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for files and frames still being written.", DefaultValueFactory = _ => 0 };
        var distance = new Option<double?>("--distance-mm") { Description = "For a data file without its master: the detector distance (default 250 mm)." };
        var energy = new Option<double?>("--energy-kev") { Description = "For a data file without its master: the beam energy (default 12.7 keV)." };
        var command = new Command("find-spots", "Find spots per image as DIALS does (dispersion threshold) and report Zocalo's per-image analysis.")
        {
            path, json, images, dMin, dMax, noIce, threads, timeout, distance, energy,
        };
        command.SetAction((parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var request = new Request(
                parse.GetValue(path)!,
                parse.GetValue(json),
                parse.GetValue(images),
                new SpotFinderSettings
                {
                    DMin = parse.GetValue(dMin),
                    DMax = parse.GetValue(dMax),
                    FilterIce = !parse.GetValue(noIce),
                    MaxDegreeOfParallelism = parse.GetValue(threads),
                },
                TimeSpan.FromSeconds(parse.GetValue(timeout)),
                parse.GetValue(distance),
                parse.GetValue(energy));
            return RunAsync(request, output, error, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(Request request, TextWriter output, TextWriter error, CancellationToken ct)
    {
        FrameReaderOptions options;
        (int First, int Last)? range;
        try
        {
            request.Settings.Validate();
            range = ParseImages(request.Images);
            options = new FrameReaderOptions { Timeout = request.Timeout };
            options.Validate();
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        if (request.Timeout == TimeSpan.Zero && !File.Exists(request.Path))
        {
            await error.WriteLineAsync($"error: {Path.GetFullPath(request.Path)} does not exist.").ConfigureAwait(false);
            return 1;
        }

        try
        {
            var probe = await FrameSource.OpenAsync(request.Path, options, ct).ConfigureAwait(false);
            if (!probe.IsMaster)
            {
                // A data file alone: the caller's geometry, else an Eiger of the frame's size.
                var detector = new DetectorGeometry(probe.Detector.Width, probe.Detector.Height, 0.075, request.DistanceMm ?? 250, probe.Detector.Width / 2.0, probe.Detector.Height / 2.0) { Description = "Eiger" };
                options = options with { Detector = detector, Beam = BeamGeometry.FromEnergy(request.EnergyKev ?? 12.7) };
            }

            probe.Dispose();
            using var collection = await CollectionAnalyser.OpenAsync(request.Path, options, request.Settings, ct).ConfigureAwait(false);
            var results = await AnalyseAsync(collection, range, ct).ConfigureAwait(false);
            if (request.Json)
            {
                await WriteJsonAsync(output, collection, results).ConfigureAwait(false);
            }
            else
            {
                await WriteTextAsync(output, collection, results).ConfigureAwait(false);
            }

            return 0;
        }
        catch (FrameException e)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<List<(Frame Frame, SpotFindingResult Result, ImageSpotSummary Summary)>> AnalyseAsync(CollectionAnalyser collection, (int First, int Last)? range, CancellationToken ct)
    {
        var source = collection.Source;
        var first = range?.First ?? 1;
        var last = range?.Last ?? source.ImageCount ?? int.MaxValue;
        if (source.ImageCount is { } count && last > count)
        {
            throw new FrameException($"image {last} was asked for; the collection has {count}.", source.FilePath, last);
        }

        var results = new List<(Frame, SpotFindingResult, ImageSpotSummary)>();
        for (var number = first; number <= last; number++)
        {
            (Frame Frame, SpotFindingResult Result) found;
            try
            {
                found = await collection.FindSpotsAsync(number - 1, ct).ConfigureAwait(false);
            }
            catch (FrameTimeoutException) when (range is null && source.ImageCount is null && number > 1)
            {
                // A data file series of unknown length ends where its files do.
                break;
            }

            var s = found.Result.Statistics;
            var summary = new ImageSpotSummary(found.Frame.File, number, found.Frame.SeenAt.ToUnixTimeMilliseconds() / 1000.0, s.SpotsTotal, s.SpotsNoIce, s.Spots4A, s.TotalIntensity, s.EstimatedDMin);
            results.Add((found.Frame, found.Result, summary));
        }

        return results;
    }

    private static async Task WriteTextAsync(TextWriter output, CollectionAnalyser collection, List<(Frame Frame, SpotFindingResult Result, ImageSpotSummary Summary)> results)
    {
        var source = collection.Source;
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c, $"Finding spots in {source.FilePath}: {source.Detector.Width} × {source.Detector.Height} pixels, {source.PixelType}, {source.Beam.WavelengthAngstrom:0.####} Å, {source.Detector.DistanceMm:0.##} mm")).ConfigureAwait(false);
        foreach (var (frame, result, _) in results)
        {
            await output.WriteLineAsync(string.Create(c, $"Found {result.StrongPixels} strong pixels on image {frame.Number}; {result.Spots.Count} spots")).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("| image | #spots | #spots_no_ice | total_intensity | d_min |").ConfigureAwait(false);
        await output.WriteLineAsync("|-------|--------|---------------|-----------------|-------|").ConfigureAwait(false);
        foreach (var (_, _, s) in results)
        {
            var dMin = s.EstimatedDMin > 0 ? s.EstimatedDMin.ToString("0.00", c) : string.Empty;
            await output.WriteLineAsync(string.Create(c, $"| {s.FileNumber} | {s.SpotsTotal} | {s.SpotsNoIce} | {s.TotalIntensity:0} | {dMin} |")).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(c, $"Saved {results.Sum(r => r.Result.Spots.Count)} spots from {results.Count} images")).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(TextWriter output, CollectionAnalyser collection, List<(Frame Frame, SpotFindingResult Result, ImageSpotSummary Summary)> results)
    {
        var source = collection.Source;
        var document = new Dictionary<string, object?>
        {
            ["file"] = source.FilePath,
            ["width"] = source.Detector.Width,
            ["height"] = source.Detector.Height,
            ["wavelength"] = source.Beam.WavelengthAngstrom,
            ["total_spots"] = results.Sum(r => r.Result.Spots.Count),
            ["images"] = results.Select(r => new Dictionary<string, object?>
            {
                ["file"] = r.Summary.File,
                ["file-number"] = r.Summary.FileNumber,
                ["file-seen-at"] = r.Summary.FileSeenAt,
                ["strong_pixels"] = r.Result.StrongPixels,
                ["n_spots_total"] = r.Summary.SpotsTotal,
                ["n_spots_no_ice"] = r.Summary.SpotsNoIce,
                ["n_spots_4A"] = r.Summary.Spots4A,
                ["total_intensity"] = r.Summary.TotalIntensity,
                ["estimated_d_min"] = r.Summary.EstimatedDMin,
                ["spots"] = r.Result.Spots.Select((s, i) => new Dictionary<string, object>
                {
                    ["x"] = s.CentroidFast,
                    ["y"] = s.CentroidSlow,
                    ["pixels"] = s.PixelCount,
                    ["intensity"] = s.Intensity,
                    ["d"] = 1 / Math.Sqrt(r.Result.DStarSquared[i]),
                }).ToArray(),
            }).ToArray(),
        };
        await output.WriteLineAsync(JsonSerializer.Serialize(document)).ConfigureAwait(false);
    }

    // "N" or "FIRST-LAST", 1-based and inclusive.
    private static (int First, int Last)? ParseImages(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split('-', 2);
        if (int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first) && first >= 1)
        {
            if (parts.Length == 1)
            {
                return (first, first);
            }

            if (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last) && last >= first)
            {
                return (first, last);
            }
        }

        throw new ArgumentException($"--images '{text}' is not N or FIRST-LAST with 1 ≤ FIRST ≤ LAST.");
    }

    private sealed record Request(string Path, bool Json, string? Images, SpotFinderSettings Settings, TimeSpan Timeout, double? DistanceMm, double? EnergyKev);
}
