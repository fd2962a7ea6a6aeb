namespace Hyperion.Nexus.DataFiles;

/// <summary>
/// The Eiger's global header as Odin's meta writer keeps it under <c>/_dectris</c> (the detector's configuration at the
/// arm): the series number and the values a processing pipeline reads back (count and frame times, image counts,
/// beam centre, distance, wavelength, pixel geometry, sensor, omega, bit depth, compression, trigger mode).
/// </summary>
public sealed record OdinMetaHeader
{
    /// <summary>The arm's series number.</summary>
    public required long Series { get; init; }

    /// <summary>count_time, s.</summary>
    public required double CountTimeSeconds { get; init; }

    /// <summary>frame_time, s.</summary>
    public required double FrameTimeSeconds { get; init; }

    /// <summary>nimages: images per trigger.</summary>
    public required long ImagesPerTrigger { get; init; }

    /// <summary>ntrigger.</summary>
    public required long Triggers { get; init; }

    /// <summary>beam_center_x, pixels.</summary>
    public required double BeamCentreX { get; init; }

    /// <summary>beam_center_y, pixels.</summary>
    public required double BeamCentreY { get; init; }

    /// <summary>detector_distance, m.</summary>
    public required double DetectorDistanceMetres { get; init; }

    /// <summary>wavelength, Å.</summary>
    public required double WavelengthAngstrom { get; init; }

    /// <summary>x_pixel_size (and y_pixel_size), m.</summary>
    public double PixelSizeMetres { get; init; } = 75e-6;

    /// <summary>x_pixels_in_detector.</summary>
    public required long Width { get; init; }

    /// <summary>y_pixels_in_detector.</summary>
    public required long Height { get; init; }

    /// <summary>sensor_material.</summary>
    public string SensorMaterial { get; init; } = "Si";

    /// <summary>sensor_thickness, m.</summary>
    public double SensorThicknessMetres { get; init; } = 450e-6;

    /// <summary>omega_start, degrees.</summary>
    public double OmegaStartDegrees { get; init; }

    /// <summary>omega_increment, degrees.</summary>
    public double OmegaIncrementDegrees { get; init; }

    /// <summary>bit_depth_image.</summary>
    public long BitDepthImage { get; init; } = 32;

    /// <summary>trigger_mode: ints, exts, inte or exte.</summary>
    public string TriggerMode { get; init; } = "exts";

    /// <summary>description.</summary>
    public string Description { get; init; } = "Dectris EIGER2 Si 16M";

    /// <summary>data_collection_date, ISO 8601.</summary>
    public required DateTimeOffset CollectionDate { get; init; }
}
