using System.Globalization;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Errors;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Hdf5;
using Hyperion.Nexus.Masks;
using PureHDF;
using PureHDF.Selections;
using PureHDF.VOL.Native;

namespace Hyperion.Nexus.Nxmx;

/// <summary>
/// An NXmx master file opened for reading (with PureHDF, which follows its external links): the geometry as
/// <see cref="DetectorGeometry"/>, <see cref="BeamGeometry"/> and <see cref="GoniometerGeometry"/>, the per-image
/// <see cref="NxmxScan"/>, the mask, and the frames of the linked data files (bitshuffle-LZ4 decompressed by
/// <see cref="Compression.BitshuffleLz4"/>). Failures are <see cref="NexusFormatException"/>s naming the file and the
/// HDF5 path. Not thread-safe: one reader per thread.
/// </summary>
public sealed class NxmxFile : IDisposable
{
    private const string VirtualPath = "/entry/data/data";
    private readonly NativeFile _file;
    private readonly List<(NxmxDataFile File, IH5Dataset Dataset)> _data = [];
    private IH5Dataset? _virtual;
    private int _virtualFrames;
    private int? _firstDataFrame;

    private NxmxFile(string path, NativeFile file)
    {
        FilePath = path;
        _file = file;
    }

    /// <summary>The master file.</summary>
    public string FilePath { get; }

    /// <summary>The detector, as DIALS would build it (beam centre from where the beam meets the module's plane).</summary>
    public DetectorGeometry Detector { get; private set; } = null!;

    /// <summary>The beam.</summary>
    public BeamGeometry Beam { get; private set; } = null!;

    /// <summary>The goniometer's axes.</summary>
    public GoniometerGeometry Goniometer { get; private set; } = null!;

    /// <summary>The goniometer at each image.</summary>
    public NxmxScan Scan { get; private set; } = null!;

    /// <summary>The exposure per image, seconds.</summary>
    public double ExposureTimeSeconds { get; private set; }

    /// <summary>When collection started.</summary>
    public DateTimeOffset StartTime { get; private set; }

    /// <summary>When collection ended.</summary>
    public DateTimeOffset EndTime { get; private set; }

    /// <summary>The beamline's name.</summary>
    public string InstrumentName { get; private set; } = string.Empty;

    /// <summary>The pixel mask, if the file has one.</summary>
    public PixelMask? Mask { get; private set; }

    /// <summary>The data files' pixel type.</summary>
    public PixelType PixelType { get; private set; }

    /// <summary>The linked data files, in order; <see cref="NxmxDataFile.FirstFrame"/> counts every linked file's frames.</summary>
    public IReadOnlyList<NxmxDataFile> DataFiles => _data.Select(d => d.File).ToArray();

    /// <summary>
    /// The collection's images: the frames of the virtual dataset <c>/entry/data/data</c> (what DIALS reads), or of all
    /// the linked data files when the master has no virtual dataset.
    /// </summary>
    public int ImageCount => _virtual is null ? _data.Sum(d => d.File.FrameCount) : _virtualFrames;

    /// <summary>
    /// The index, among all the linked data files' frames, of the collection's first image: where the virtual dataset
    /// starts (non-zero for a collection that shares its data files with an earlier one, as a second grid). When the
    /// virtual dataset takes fewer frames than the links hold, its mapping is read through libhdf5 (which must then be
    /// installed) on first use; throws <see cref="NexusFormatException"/> if its first frames come from no linked data
    /// file.
    /// </summary>
    public int FirstDataFrame => _firstDataFrame ??= _virtual is null || _virtualFrames == _data.Sum(d => d.File.FrameCount) ? 0 : FindFirstDataFrame();

    /// <summary>
    /// Opens <paramref name="path"/>, reads its metadata and opens every linked data file. Throws
    /// <see cref="NexusFormatException"/> if the file is missing or not HDF5, is not NXmx, lacks a field, or links a
    /// data file that is missing.
    /// </summary>
    public static NxmxFile Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new NexusFormatException("The master file does not exist.", full);
        }

        PureHdfBitshuffleFilter.EnsureRegistered();
        NativeFile file;
        try
        {
            file = H5File.OpenRead(full);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PureHDF reports a file that is not HDF5 with a bare Exception: whatever it throws here means unreadable.
            throw new NexusFormatException($"The file is not a readable HDF5 file: {e.Message}", full, "/", e);
        }

        var nxmx = new NxmxFile(full, file);
        try
        {
            nxmx.Load();
            return nxmx;
        }
        catch
        {
            nxmx.Dispose();
            throw;
        }
    }

    /// <summary>Reads frame <paramref name="index"/> (0-based, across data files) as 32-bit counts.</summary>
    public uint[] ReadFrame(int index)
    {
        var frame = new uint[Detector.Width * Detector.Height];
        ReadFrame(index, frame);
        return frame;
    }

    /// <summary>Reads frame <paramref name="index"/> into <paramref name="destination"/> (width × height pixels).</summary>
    public void ReadFrame(int index, uint[] destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ImageCount);
        ReadDataFileFrame(FirstDataFrame + index, destination);
    }

    /// <summary>How many frames the linked data files hold (more than <see cref="ImageCount"/> when another collection shares them).</summary>
    public int DataFileFrameCount => _data.Sum(d => d.File.FrameCount);

    /// <summary>
    /// Reads frame <paramref name="frame"/> of the linked data files, counted from the first file's first frame whatever
    /// part of them this collection is (Zocalo's start_frame_index counts so), into <paramref name="destination"/>.
    /// </summary>
    /// <exception cref="NexusFormatException">The data files hold fewer frames, or the frame cannot be read.</exception>
    public void ReadDataFileFrame(int frame, uint[] destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        var pixels = Detector.Width * Detector.Height;
        if (destination.Length != pixels)
        {
            throw new ArgumentException($"A frame is {pixels} pixels; the destination holds {destination.Length}.", nameof(destination));
        }

        // Read through the link, chunk by chunk (reading through the virtual dataset would be element by element in PureHDF).
        var (file, dataset) = _data.FirstOrDefault(d => frame < d.File.FirstFrame + d.File.FrameCount);
        if (file is null)
        {
            throw new NexusFormatException($"Frame {frame} of the data files is beyond the {DataFileFrameCount} they hold.", FilePath, VirtualPath);
        }

        var selection = new HyperslabSelection(
            3,
            [(ulong)(frame - file.FirstFrame), 0, 0],
            [1, (ulong)Detector.Height, (ulong)Detector.Width],
            [1, 1, 1],
            [1, (ulong)Detector.Height, (ulong)Detector.Width]);
        try
        {
            if (PixelType == PixelType.UInt32)
            {
                dataset.Read(destination, selection);
            }
            else
            {
                var narrow = new ushort[pixels];
                dataset.Read(narrow, selection);
                for (var i = 0; i < pixels; i++)
                {
                    destination[i] = narrow[i];
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new NexusFormatException($"Frame {frame} of the data files (frame {frame - file.FirstFrame} of {file.LinkPath}) cannot be read: {e.Message}", FilePath, file.LinkPath, e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    private void Load()
    {
        var entry = Group("/entry");
        var definition = String("/entry/definition");
        if (definition != "NXmx")
        {
            throw new NexusFormatException($"The entry's definition is '{definition}', not NXmx.", FilePath, "/entry/definition");
        }

        StartTime = Time("/entry/start_time");
        EndTime = entry.LinkExists("end_time") ? Time("/entry/end_time") : StartTime;
        InstrumentName = String("/entry/instrument/name");
        Beam = new BeamGeometry(
            Length("/entry/instrument/beam/incident_wavelength", "angstrom") * 1e7,
            Number("/entry/instrument/beam/total_flux"),
            Optional("/entry/instrument/beam/incident_beam_size", "um", 0),
            Optional("/entry/instrument/beam/incident_beam_size", "um", 1));
        ExposureTimeSeconds = Number("/entry/instrument/detector/count_time");
        LoadData();
        LoadDetector();
        LoadSample();
        if (Scan.ImageCount != ImageCount)
        {
            throw new NexusFormatException($"The goniometer records {Scan.ImageCount} images; the data files hold {ImageCount} frames.", FilePath, "/entry/sample/transformations/omega");
        }
    }

    private void LoadData()
    {
        _ = Group("/entry/data");

        // PureHDF names an externally linked object after its target ("data"), so the links are found by their names.
        var first = 0;
        for (var number = 1; _file.LinkExists(LinkName(number)); number++)
        {
            var path = LinkName(number);
            var dataset = Dataset(path);
            if (dataset.Space.Rank != 3)
            {
                throw new NexusFormatException("The link does not lead to a frames × height × width dataset.", FilePath, path);
            }

            var type = dataset.Type;
            PixelType = type is { Class: H5DataTypeClass.FixedPoint, Size: 2 } ? PixelType.UInt16
                : type is { Class: H5DataTypeClass.FixedPoint, Size: 4 } ? PixelType.UInt32
                : throw new NexusFormatException($"The frames are {type.Class} of {type.Size} bytes, not 16- or 32-bit integers.", FilePath, path);
            var frames = checked((int)dataset.Space.Dimensions[0]);
            _data.Add((new NxmxDataFile(path, first, frames), dataset));
            first += frames;
        }

        if (_data.Count == 0)
        {
            throw new NexusFormatException("The master links no data files (no data_000001).", FilePath, "/entry/data");
        }

        // nexgen's virtual dataset stacks the collection's frames (possibly from part-way into the data files).
        if (_file.LinkExists(VirtualPath))
        {
            var stacked = Dataset(VirtualPath);
            if (stacked.Space.Rank != 3)
            {
                throw new NexusFormatException("The virtual dataset is not frames × height × width.", FilePath, VirtualPath);
            }

            _virtual = stacked;
            _virtualFrames = checked((int)stacked.Space.Dimensions[0]);
        }

        static string LinkName(int number) => $"/entry/data/data_{number:D6}";
    }

    private void LoadDetector()
    {
        const string detector = "/entry/instrument/detector";
        const string module = detector + "/module";
        var size = Numbers(module + "/data_size");
        if (size.Length != 2)
        {
            throw new NexusFormatException($"data_size has {size.Length} values, not 2 (slow, fast).", FilePath, module + "/data_size");
        }

        var (height, width) = ((int)size[0], (int)size[1]);
        var fast = Transformation(module + "/fast_pixel_direction");
        var slow = Transformation(module + "/slow_pixel_direction");
        var pixel = fast.Value;

        // Pixel (0, 0)'s corner is where the module's translations (module_offset, det_z, ...) take it.
        var origin = new Vector3D(0, 0, 0);
        var dependsOn = fast.DependsOn;
        for (var steps = 0; dependsOn != "."; steps++)
        {
            if (steps > 32)
            {
                throw new NexusFormatException("The detector's depends_on chain does not end.", FilePath, module + "/fast_pixel_direction");
            }

            var t = Transformation(dependsOn);
            if (t.Type != "translation")
            {
                throw new NexusFormatException($"The detector chain has a {t.Type}; only translations are read.", FilePath, dependsOn);
            }

            origin += t.Offset + (t.Vector * t.Value);
            dependsOn = t.DependsOn;
        }

        var normal = Vector3D.Cross(fast.Vector, slow.Vector);
        if (Math.Abs(normal.Z) < 1e-9)
        {
            throw new NexusFormatException("The detector plane is parallel to the beam.", FilePath, module);
        }

        var hit = new Vector3D(0, 0, Vector3D.Dot(origin, normal) / normal.Z);
        var toHit = hit - origin;
        Detector = new DetectorGeometry(width, height, pixel, hit.Z, Vector3D.Dot(toHit, fast.Vector) / pixel, Vector3D.Dot(toHit, slow.Vector) / pixel)
        {
            FastAxis = fast.Vector,
            SlowAxis = slow.Vector,
            Description = String(detector + "/description"),
            SensorMaterial = String(detector + "/sensor_material"),
            SensorThicknessMm = Length(detector + "/sensor_thickness", "m"),
            SaturationValue = (long)Number(detector + "/saturation_value"),
            Underload = (long)Number(detector + "/underload_value"),
        };

        if (_file.LinkExists(detector + "/pixel_mask"))
        {
            var dataset = Dataset(detector + "/pixel_mask");
            if (dataset.Space.Rank != 2 || (int)dataset.Space.Dimensions[0] != height || (int)dataset.Space.Dimensions[1] != width)
            {
                throw new NexusFormatException($"The pixel mask is {string.Join(" × ", dataset.Space.Dimensions)}; the module {height} × {width}.", FilePath, detector + "/pixel_mask");
            }

            Mask = new PixelMask(width, height, Read(() => dataset.Read<uint[]>(), detector + "/pixel_mask"));
        }
    }

    private void LoadSample()
    {
        const string transformations = "/entry/sample/transformations";
        var omega = Transformation(transformations + "/omega");
        var increment = _file.LinkExists(transformations + "/omega_increment_set") ? Numbers(transformations + "/omega_increment_set")[0]
            : _file.LinkExists(transformations + "/omega_end") ? Numbers(transformations + "/omega_end")[0] - omega.Values[0]
            : omega.Values.Length > 1 ? omega.Values[1] - omega.Values[0] : 0;
        var x = Transformation(transformations + "/sam_x");
        var y = Transformation(transformations + "/sam_y");
        var z = Transformation(transformations + "/sam_z");
        Goniometer = new GoniometerGeometry { OmegaAxis = omega.Vector, SamXAxis = x.Vector, SamYAxis = y.Vector, SamZAxis = z.Vector };
        var images = new[] { omega.Values.Length, x.Values.Length, y.Values.Length, z.Values.Length }.Max();
        Scan = new NxmxScan(Expand(omega.Values, images), increment, Expand(x.Values, images), Expand(y.Values, images), Expand(z.Values, images));
    }

    private int FindFirstDataFrame()
    {
        if (_virtual is null)
        {
            return 0;
        }

        var first = Hdf5Reader.VirtualMappings(FilePath, VirtualPath).FirstOrDefault(m => m.VirtualStart == 0);
        if (first.SourceFile is null)
        {
            throw new NexusFormatException("The virtual dataset maps nothing to its first frame.", FilePath, VirtualPath);
        }

        foreach (var (file, _) in _data)
        {
            if (Hdf5Reader.ExternalLinkTarget(FilePath, file.LinkPath) is { } target && SameFile(target.File, first.SourceFile))
            {
                return checked((int)(file.FirstFrame + first.SourceStart));
            }
        }

        throw new NexusFormatException($"The virtual dataset starts in {first.SourceFile}, which no data_NNNNNN link leads to.", FilePath, VirtualPath);

        bool SameFile(string a, string b)
        {
            var directory = Path.GetDirectoryName(FilePath)!;
            return Path.GetFullPath(a, directory) == Path.GetFullPath(b, directory);
        }
    }

    // A scalar axis (a motor that did not move) stands for every image.
    private static double[] Expand(double[] values, int images) => values.Length == 1 ? Enumerable.Repeat(values[0], images).ToArray() : values;

    private NxmxTransformation Transformation(string path)
    {
        var dataset = Dataset(path);
        var type = StringAttribute(dataset, path, "transformation_type");
        var units = StringAttribute(dataset, path, "units");
        var scale = type == "rotation" ? AngleScale(units, path) : LengthScale(units, path);
        var values = Numbers(path).Select(v => v * scale).ToArray();
        var vector = VectorAttribute(dataset, path, "vector") ?? throw new NexusFormatException("The transformation has no vector.", FilePath, path);
        var offset = VectorAttribute(dataset, path, "offset") ?? default;
        var offsetUnits = dataset.AttributeExists("offset_units") ? StringAttribute(dataset, path, "offset_units") : type == "rotation" ? "mm" : units;
        var offsetScale = LengthScale(offsetUnits, path);
        return new NxmxTransformation(type, values, vector, offset * offsetScale, StringAttribute(dataset, path, "depends_on"));
    }

    private Vector3D? VectorAttribute(IH5Dataset dataset, string path, string name)
    {
        if (!dataset.AttributeExists(name))
        {
            return null;
        }

        var values = Read(() => dataset.Attribute(name).Read<double[]>(), $"{path}@{name}");
        return values.Length == 3 ? new Vector3D(values[0], values[1], values[2]) : throw new NexusFormatException($"{name} has {values.Length} components, not 3.", FilePath, $"{path}@{name}");
    }

    private string StringAttribute(IH5Object owner, string path, string name) =>
        owner.AttributeExists(name)
            ? Read(() => owner.Attribute(name).Read<string>(), $"{path}@{name}")
            : throw new NexusFormatException($"The attribute {name} is missing.", FilePath, $"{path}@{name}");

    private double LengthScale(string units, string path) => units switch
    {
        "mm" or "millimeter" or "millimetre" => 1,
        "m" or "meter" or "metre" => 1000,
        "um" or "µm" or "micron" or "microns" or "micrometer" or "micrometre" => 1e-3,
        "nm" or "nanometer" => 1e-6,
        "angstrom" or "Angstrom" or "A" or "Å" => 1e-7,
        _ => throw new NexusFormatException($"'{units}' is not a length unit this reader knows.", FilePath, path),
    };

    private double AngleScale(string units, string path) => units switch
    {
        "deg" or "degree" or "degrees" => 1,
        "rad" or "radian" or "radians" => 180 / Math.PI,
        _ => throw new NexusFormatException($"'{units}' is not an angle unit this reader knows.", FilePath, path),
    };

    // A length in mm (or, for the wavelength, the value in mm that * 1e7 gives Å).
    private double Length(string path, string defaultUnits)
    {
        var dataset = Dataset(path);
        var units = dataset.AttributeExists("units") ? StringAttribute(dataset, path, "units") : defaultUnits;
        return Numbers(path)[0] * LengthScale(units, path);
    }

    private double Optional(string path, string units, int index)
    {
        if (!_file.LinkExists(path))
        {
            return 0;
        }

        var values = Numbers(path);
        var dataset = Dataset(path);
        var actual = dataset.AttributeExists("units") ? StringAttribute(dataset, path, "units") : units;
        return index < values.Length ? values[index] * LengthScale(actual, path) / LengthScale(units, path) : 0;
    }

    private double Number(string path) => Numbers(path) is { Length: > 0 } values ? values[0] : throw new NexusFormatException("The dataset is empty.", FilePath, path);

    private double[] Numbers(string path)
    {
        var dataset = Dataset(path);
        var type = dataset.Type;
        return Read(
            () => (type.Class, type.Size, type.Class == H5DataTypeClass.FixedPoint && type.FixedPoint.IsSigned) switch
            {
                (H5DataTypeClass.FloatingPoint, 8, _) => dataset.Read<double[]>(),
                (H5DataTypeClass.FloatingPoint, 4, _) => Array.ConvertAll(dataset.Read<float[]>(), v => (double)v),
                (H5DataTypeClass.FixedPoint, 8, true) => Array.ConvertAll(dataset.Read<long[]>(), v => (double)v),
                (H5DataTypeClass.FixedPoint, 8, false) => Array.ConvertAll(dataset.Read<ulong[]>(), v => (double)v),
                (H5DataTypeClass.FixedPoint, 4, true) => Array.ConvertAll(dataset.Read<int[]>(), v => (double)v),
                (H5DataTypeClass.FixedPoint, 4, false) => Array.ConvertAll(dataset.Read<uint[]>(), v => (double)v),
                (H5DataTypeClass.FixedPoint, 2, true) => Array.ConvertAll(dataset.Read<short[]>(), v => (double)v),
                (H5DataTypeClass.FixedPoint, 2, false) => Array.ConvertAll(dataset.Read<ushort[]>(), v => (double)v),
                (H5DataTypeClass.FixedPoint, 1, true) => Array.ConvertAll(dataset.Read<sbyte[]>(), v => (double)v),
                (H5DataTypeClass.FixedPoint, 1, false) => Array.ConvertAll(dataset.Read<byte[]>(), v => (double)v),
                (H5DataTypeClass.Enumerated, 1, _) => Array.ConvertAll(dataset.Read<byte[]>(), v => (double)v),
                _ => throw new NexusFormatException($"The dataset holds {type.Class} of {type.Size} bytes, not numbers.", FilePath, path),
            },
            path);
    }

    private string String(string path)
    {
        var dataset = Dataset(path);
        return dataset.Type.Class == H5DataTypeClass.String || dataset.Type.Class == H5DataTypeClass.VariableLength
            ? Read(() => dataset.Read<string>(), path)
            : throw new NexusFormatException($"The dataset holds {dataset.Type.Class}, not a string.", FilePath, path);
    }

    private DateTimeOffset Time(string path)
    {
        var text = String(path);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new NexusFormatException($"'{text}' is not an ISO 8601 time.", FilePath, path);
    }

    private IH5Group Group(string path) => Get<IH5Group>(path, "group");

    private IH5Dataset Dataset(string path) => Get<IH5Dataset>(path, "dataset");

    private T Get<T>(string path, string what)
        where T : class
    {
        if (!_file.LinkExists(path))
        {
            throw new NexusFormatException($"The {what} is missing.", FilePath, path);
        }

        var found = Read(() => _file.Get(path), path);
        return found switch
        {
            T wanted => wanted,
            IH5UnresolvedLink unresolved => throw new NexusFormatException($"The link cannot be followed: {unresolved.Reason?.Message ?? "no reason given"}", FilePath, path, unresolved.Reason),
            _ => throw new NexusFormatException($"The object is not a {what}.", FilePath, path),
        };
    }

    private T Read<T>(Func<T> read, string path)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException or IndexOutOfRangeException or KeyNotFoundException)
        {
            throw new NexusFormatException($"Cannot read it: {e.Message}", FilePath, path, e);
        }
    }
}
