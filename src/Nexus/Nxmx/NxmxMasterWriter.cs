using System.Globalization;
using System.Runtime.InteropServices;
using Hyperion.Nexus.Compression;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Errors;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Hdf5;

namespace Hyperion.Nexus.Nxmx;

/// <summary>
/// Writes an NXmx master file (<c>{stem}.nxs</c>) as Hyperion's nexgen does: <c>/entry/data</c> links each data
/// file's <c>/data</c> (<c>data_000001</c>, …) and stacks the collection's frames of them in a virtual dataset
/// <c>data</c> (the NXdata signal, which DIALS reads across files), starting at
/// <see cref="NxmxCollection.FirstDataFrame"/> when the collection shares its data files with others; the instrument, detector (with its module and pixel mask), source, and the sample's
/// goniometer chain omega → sam_z → sam_y → sam_x with one value per image. Geometry is written so that DIALS
/// rebuilds exactly the <see cref="DetectorGeometry"/>, <see cref="BeamGeometry"/> and omega axis given.
/// </summary>
/// <remarks>
/// libhdf5 writes the whole master (PureHDF writes neither external links nor virtual datasets). The file is written
/// as <c>{path}.partial</c> and renamed when complete. The data files need not exist yet: links and the virtual
/// dataset resolve when read, relative to the master's directory.
/// </remarks>
public static class NxmxMasterWriter
{
    /// <summary>The master file's extension.</summary>
    public const string Extension = ".nxs";

    private const string DetectorPath = "/entry/instrument/detector";
    private const string SamplePath = "/entry/sample/transformations";

    private static readonly int[] Origin = [0, 0];
    private static readonly int[] Stride = [1, 1];
    private static readonly double[] NoOffset = [0, 0, 0];

    /// <summary>The master file name for a collection stem: <c>{stem}.nxs</c>.</summary>
    public static string MasterFileName(string stem) => stem + Extension;

    /// <summary>
    /// Writes <paramref name="path"/> for <paramref name="collection"/>. Throws <see cref="NexusWriteException"/> for
    /// inconsistent input (frames that do not add up to the scan, a mask of the wrong size) or an unwritable
    /// directory; nothing is left under <paramref name="path"/> then.
    /// </summary>
    public static void Write(string path, NxmxCollection collection, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(collection);
        var full = Path.GetFullPath(path);
        Validate(full, collection);

        using var file = Hdf5WritableFile.Create(full, overwrite, virtualDatasets: true);
        using (var entry = file.Root.CreateGroup("entry", "NXentry"))
        {
            entry.SetAttribute("default", "data");
            entry.WriteDataset("definition", "NXmx");
            entry.WriteDataset("start_time", Timestamp(collection.StartTime));
            entry.WriteDataset("end_time", Timestamp(collection.EndTime));
            entry.WriteDataset("end_time_estimated", Timestamp(collection.EndTime));

            WriteSource(entry, collection);
            using (var instrument = entry.CreateGroup("instrument", "NXinstrument"))
            {
                instrument.WriteDataset("name", collection.InstrumentName, new Hdf5Attribute("short_name", collection.InstrumentShortName));
                WriteBeam(instrument, collection);
                using (var attenuator = instrument.CreateGroup("attenuator", "NXattenuator"))
                {
                    attenuator.WriteDataset("attenuator_transmission", collection.Transmission);
                }

                WriteDetector(instrument, collection);
            }

            var scanAxis = WriteSample(entry, collection);
            WriteData(entry, collection, full, scanAxis);
        }

        file.Commit();
    }

    private static void Validate(string path, NxmxCollection c)
    {
        var frames = c.DataFiles.Sum(f => (long)f.FrameCount);
        if (c.FirstDataFrame < 0)
        {
            throw new NexusWriteException($"The scan's first frame in the data files, {c.FirstDataFrame}, is negative.", path, "/entry/data/data");
        }

        if (c.DataFiles.Count == 0 || frames < (long)c.FirstDataFrame + c.Scan.ImageCount)
        {
            var needed = c.FirstDataFrame == 0
                ? $"the scan has {c.Scan.ImageCount} images"
                : $"the scan's {c.Scan.ImageCount} images start at frame {c.FirstDataFrame}";
            throw new NexusWriteException($"The data files hold {frames} frames in {c.DataFiles.Count} files; {needed}.", path, "/entry/data");
        }

        if (c.Mask is { } mask && (mask.Width != c.Detector.Width || mask.Height != c.Detector.Height))
        {
            throw new NexusWriteException($"The mask is {mask.Width} × {mask.Height}; the detector {c.Detector.Width} × {c.Detector.Height}.", path, DetectorPath + "/pixel_mask");
        }

        if (!(c.ExposureTimeSeconds > 0))
        {
            throw new NexusWriteException($"The exposure time {c.ExposureTimeSeconds} s is not positive.", path, DetectorPath + "/count_time");
        }

        if (c.Detector.FastAxis.Length == 0 || c.Detector.SlowAxis.Length == 0 || c.Goniometer.OmegaAxis.Length == 0)
        {
            throw new NexusWriteException("An axis of the detector or goniometer has no direction.", path, null);
        }
    }

    private static void WriteSource(Hdf5Group entry, NxmxCollection c)
    {
        using var source = entry.CreateGroup("source", "NXsource");
        source.WriteDataset("name", c.SourceName, new Hdf5Attribute("short_name", c.SourceShortName));
        source.WriteDataset("type", c.SourceType);
    }

    private static void WriteBeam(Hdf5Group instrument, NxmxCollection c)
    {
        using var beam = instrument.CreateGroup("beam", "NXbeam");
        beam.WriteDataset("incident_wavelength", c.Beam.WavelengthAngstrom, Units("angstrom"));
        beam.WriteDataset("total_flux", c.Beam.FluxPhotonsPerSecond, Units("Hz"));
        beam.WriteDataset("incident_beam_size", new[] { c.Beam.SizeXMicrons, c.Beam.SizeYMicrons }, Units("um"));
    }

    private static void WriteDetector(Hdf5Group instrument, NxmxCollection c)
    {
        var d = c.Detector;
        using var detector = instrument.CreateGroup("detector", "NXdetector");
        detector.WriteDataset("depends_on", DetectorPath + "/transformations/det_z");
        detector.WriteDataset("description", d.Description);
        detector.WriteDataset("type", "Pixel");
        detector.WriteDataset("sensor_material", d.SensorMaterial);
        detector.WriteDataset("sensor_thickness", d.SensorThicknessMm / 1000, Units("m"));
        detector.WriteDataset("x_pixel_size", d.PixelSizeMm / 1000, Units("m"));
        detector.WriteDataset("y_pixel_size", d.PixelSizeMm / 1000, Units("m"));
        detector.WriteDataset("beam_center_x", d.BeamCentreFast, Units("pixels"));
        detector.WriteDataset("beam_center_y", d.BeamCentreSlow, Units("pixels"));
        detector.WriteDataset("distance", d.DistanceMm, Units("mm"));
        detector.WriteDataset("count_time", c.ExposureTimeSeconds, Units("s"));
        detector.WriteDataset("frame_time", c.FrameTimeSeconds ?? c.ExposureTimeSeconds, Units("s"));
        detector.WriteDataset("saturation_value", d.SaturationValue);
        detector.WriteDataset("underload_value", d.Underload);
        detector.WriteDataset("bit_depth_readout", 8 * (int)c.PixelType);
        if (c.Mask is { } mask)
        {
            detector.WriteDataset("pixel_mask_applied", 0);
            using var dataset = detector.CreateChunkedDataset(
                "pixel_mask",
                Hdf5Library.U32,
                [(ulong)mask.Height, (ulong)mask.Width],
                [(ulong)mask.Height, (ulong)mask.Width],
                growable: false,
                Hdf5Filter.BitshuffleLz4(sizeof(uint)));
            dataset.WriteChunk([0, 0], BitshuffleLz4.Compress(MemoryMarshal.AsBytes(mask.Values), sizeof(uint)));
            dataset.Close();
        }

        using (var transformations = detector.CreateGroup("transformations", "NXtransformations"))
        {
            WriteAxis(transformations, "det_z", new[] { d.DistanceMm }, "translation", new Vector3D(0, 0, 1), "mm", ".");
        }

        // The module's origin is pixel (0, 0)'s outer corner: det_z brings it to (0, 0, distance), module_offset the
        // rest of the way, and the pixel directions step from there (their own offsets stay zero, as nexgen writes).
        using var module = detector.CreateGroup("module", "NXdetector_module");
        module.WriteDataset("data_origin", Origin);
        module.WriteDataset("data_size", new[] { d.Height, d.Width });
        module.WriteDataset("data_stride", Stride);
        var offset = d.Origin - new Vector3D(0, 0, d.DistanceMm);
        var length = offset.Length;
        var direction = length > 0 ? offset / length : new Vector3D(1, 0, 0);
        WriteAxis(module, "module_offset", length, "translation", direction, "mm", DetectorPath + "/transformations/det_z");
        WriteAxis(module, "fast_pixel_direction", d.PixelSizeMm, "translation", d.FastAxis.Normalized(), "mm", DetectorPath + "/module/module_offset");
        WriteAxis(module, "slow_pixel_direction", d.PixelSizeMm, "translation", d.SlowAxis.Normalized(), "mm", DetectorPath + "/module/module_offset");
    }

    // Returns the NXdata axis: the first axis that moves (omega for a rotation), else omega.
    private static string WriteSample(Hdf5Group entry, NxmxCollection c)
    {
        var scan = c.Scan;
        var g = c.Goniometer;
        using var sample = entry.CreateGroup("sample", "NXsample");
        sample.WriteDataset("depends_on", SamplePath + "/sam_x");
        using (var transformations = sample.CreateGroup("transformations", "NXtransformations"))
        {
            var omega = scan.Omega.ToArray();
            WriteAxis(transformations, "omega", omega, "rotation", g.OmegaAxis.Normalized(), "deg", ".");
            transformations.WriteDataset("omega_end", omega.Select(o => o + scan.OmegaIncrement).ToArray(), Units("deg"));
            transformations.WriteDataset("omega_increment_set", scan.OmegaIncrement, Units("deg"));
            WriteAxis(transformations, "sam_z", scan.SamZ.ToArray(), "translation", g.SamZAxis.Normalized(), "mm", SamplePath + "/omega");
            WriteAxis(transformations, "sam_y", scan.SamY.ToArray(), "translation", g.SamYAxis.Normalized(), "mm", SamplePath + "/sam_z");
            WriteAxis(transformations, "sam_x", scan.SamX.ToArray(), "translation", g.SamXAxis.Normalized(), "mm", SamplePath + "/sam_y");
        }

        sample.CreateHardLink("beam", "/entry/instrument/beam");
        var moving = new (string Name, IReadOnlyList<double> Values)[] { ("omega", scan.Omega), ("sam_x", scan.SamX), ("sam_y", scan.SamY), ("sam_z", scan.SamZ) };
        return moving.FirstOrDefault(a => a.Values.Any(v => v != a.Values[0])).Name ?? "omega";
    }

    private static void WriteData(Hdf5Group entry, NxmxCollection c, string masterPath, string scanAxis)
    {
        using var data = entry.CreateGroup("data", "NXdata");
        data.SetAttribute("signal", "data");
        data.SetAttribute("axes", scanAxis);
        data.SetAttribute(scanAxis + "_indices", 0);
        var directory = Path.GetDirectoryName(masterPath)!;
        var sources = new List<Hdf5VirtualSource>();
        var (first, end) = (c.FirstDataFrame, c.FirstDataFrame + c.Scan.ImageCount);
        var fileStart = 0;
        for (var i = 0; i < c.DataFiles.Count; i++)
        {
            var dataFile = c.DataFiles[i];
            var relative = Path.GetRelativePath(directory, Path.GetFullPath(dataFile.FilePath)).Replace(Path.DirectorySeparatorChar, '/');
            data.CreateExternalLink($"data_{i + 1:D6}", relative, DataFileWriter.DatasetPath);

            // The virtual dataset takes only this file's frames within [first, end): nexgen's vds_offset and shape.
            var from = Math.Max(first, fileStart);
            var to = Math.Min(end, fileStart + dataFile.FrameCount);
            if (to > from)
            {
                sources.Add(new Hdf5VirtualSource(relative, DataFileWriter.DatasetPath, to - from, from - fileStart, dataFile.FrameCount));
            }

            fileStart += dataFile.FrameCount;
        }

        var type = c.PixelType == PixelType.UInt16 ? Hdf5Library.U16 : Hdf5Library.U32;
        data.CreateVirtualDataset("data", type, c.Detector.Height, c.Detector.Width, sources);
        data.CreateHardLink(scanAxis, SamplePath + "/" + scanAxis);
    }

    private static void WriteAxis(Hdf5Group group, string name, object value, string type, Vector3D vector, string units, string dependsOn) =>
        group.WriteDataset(
            name,
            value,
            new Hdf5Attribute("transformation_type", type),
            new Hdf5Attribute("vector", new[] { vector.X, vector.Y, vector.Z }),
            new Hdf5Attribute("offset", NoOffset),
            new Hdf5Attribute("units", units),
            new Hdf5Attribute("depends_on", dependsOn));

    private static Hdf5Attribute Units(string units) => new("units", units);

    // UTC with a Z, to the millisecond: the form dxtbx's Diamond format classes parse.
    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
