using System.Globalization;
using System.Text.Json;
using Hyperion.Nexus.Errors;
using Hyperion.Nexus.Hdf5;

namespace Hyperion.Nexus.DataFiles;

/// <summary>
/// Writes the meta file Odin's meta writer leaves beside the data files, <c>{stem}_meta.h5</c>: per frame (one row
/// each, in the order written) <c>/frame</c>, <c>/offset</c>, <c>/start_time</c>, <c>/stop_time</c>,
/// <c>/real_time</c> and <c>/size</c> (int64, as odin-data's MetaWriter and eiger-detector's EigerMetaWriter define
/// them); <c>/series</c>; <c>/config</c>, the global header as text; and the header's values under
/// <c>/_dectris/</c> (count_time, frame_time, nimages, ntrigger, beam_center_x/y, detector_distance, wavelength,
/// photon_energy, x/y_pixel_size, x/y_pixels_in_detector, sensor_material, sensor_thickness, omega_start,
/// omega_increment, bit_depth_image, compression, trigger_mode, description, data_collection_date). The per-frame
/// hash, encoding and type strings and the writers' durations are not kept. Written under <c>.partial</c> and renamed
/// when complete, like the data files.
/// </summary>
public static class OdinMetaWriter
{
    /// <summary>The meta file's suffix (odin-data's MetaWriter.FILE_SUFFIX).</summary>
    public const string Suffix = "_meta.h5";

    /// <summary>The meta file's name for <paramref name="stem"/>.</summary>
    public static string FileName(string stem) => stem + Suffix;

    /// <summary>Writes <paramref name="path"/>.</summary>
    /// <exception cref="NexusWriteException">The file could not be written (the directory is missing, the name is taken and <paramref name="overwrite"/> is false, a frame's row is inconsistent).</exception>
    public static void Write(string path, OdinMetaHeader header, IReadOnlyList<OdinMetaFrame> frames, FrameCompression compression, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(frames);
        for (var i = 0; i < frames.Count; i++)
        {
            var f = frames[i];
            if (f.Frame < 0 || f.Offset < 0 || f.StopTimeNs < f.StartTimeNs || f.RealTimeNs < 0 || f.SizeBytes < 0)
            {
                throw new NexusWriteException($"Meta row {i} is not a frame: frame {f.Frame}, offset {f.Offset}, {f.StartTimeNs}–{f.StopTimeNs} ns, real {f.RealTimeNs} ns, {f.SizeBytes} bytes.", path);
            }
        }

        using var file = Hdf5WritableFile.Create(path, overwrite);
        var root = file.Root;
        root.WriteDataset("frame", frames.Select(f => f.Frame).ToArray());
        root.WriteDataset("offset", frames.Select(f => f.Offset).ToArray());
        root.WriteDataset("start_time", frames.Select(f => f.StartTimeNs).ToArray());
        root.WriteDataset("stop_time", frames.Select(f => f.StopTimeNs).ToArray());
        root.WriteDataset("real_time", frames.Select(f => f.RealTimeNs).ToArray());
        root.WriteDataset("size", frames.Select(f => f.SizeBytes).ToArray());
        root.WriteDataset("series", new[] { header.Series });
        var values = Values(header, compression);
        root.WriteDataset("config", JsonSerializer.Serialize(values));
        using (var dectris = root.CreateGroup("_dectris"))
        {
            foreach (var (name, value) in values)
            {
                dectris.WriteDataset(name, value);
            }
        }

        file.Commit();
    }

    private static SortedDictionary<string, object> Values(OdinMetaHeader header, FrameCompression compression) => new(StringComparer.Ordinal)
    {
        ["count_time"] = header.CountTimeSeconds,
        ["frame_time"] = header.FrameTimeSeconds,
        ["nimages"] = header.ImagesPerTrigger,
        ["ntrigger"] = header.Triggers,
        ["beam_center_x"] = header.BeamCentreX,
        ["beam_center_y"] = header.BeamCentreY,
        ["detector_distance"] = header.DetectorDistanceMetres,
        ["wavelength"] = header.WavelengthAngstrom,
        ["photon_energy"] = 12398.419843320026 / header.WavelengthAngstrom,
        ["x_pixel_size"] = header.PixelSizeMetres,
        ["y_pixel_size"] = header.PixelSizeMetres,
        ["x_pixels_in_detector"] = header.Width,
        ["y_pixels_in_detector"] = header.Height,
        ["sensor_material"] = header.SensorMaterial,
        ["sensor_thickness"] = header.SensorThicknessMetres,
        ["omega_start"] = header.OmegaStartDegrees,
        ["omega_increment"] = header.OmegaIncrementDegrees,
        ["bit_depth_image"] = header.BitDepthImage,
        ["compression"] = compression == FrameCompression.BitshuffleLz4 ? "bslz4" : "none",
        ["trigger_mode"] = header.TriggerMode,
        ["description"] = header.Description,
        ["data_collection_date"] = header.CollectionDate.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
    };
}
