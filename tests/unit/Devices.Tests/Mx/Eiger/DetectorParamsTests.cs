using Hyperion.Devices.Mx.Eiger;

namespace Hyperion.Devices.Tests.Mx.Eiger;

public class DetectorParamsTests
{
    [Fact]
    public void The_directory_must_exist_and_gets_exactly_one_trailing_slash()
    {
        var directory = EigerTestParams.NewDirectory();
        Assert.Equal(directory + "/", (EigerTestParams.Create() with { Directory = directory }).Directory);
        Assert.Equal(directory + "/", (EigerTestParams.Create() with { Directory = directory + "/" }).Directory);
        var missing = Path.Combine(directory, "nope");
        var error = Assert.Throws<DirectoryNotFoundException>(() => EigerTestParams.Create() with { Directory = missing });
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_run_number_is_one_past_the_highest_nexus_file_with_the_prefix_unless_overridden()
    {
        var directory = EigerTestParams.NewDirectory();
        var p = EigerTestParams.Create() with { Directory = directory, OverrideRunNumber = null };
        Assert.Equal(1, p.RunNumber);
        foreach (var file in new[] { "test_1.nxs", "test_7.nxs", "test_9_meta.h5", "other_12.nxs", "test_odd.nxs" })
        {
            File.WriteAllText(Path.Combine(directory, file), string.Empty);
        }

        Assert.Equal(8, p.RunNumber);
        Assert.Equal("test_8", p.FullFilename);
        Assert.Equal(13, DetectorParams.GetRunNumber(directory));
        Assert.Equal("test_42", (p with { OverrideRunNumber = 42 }).FullFilename);
    }

    [Fact]
    public void The_full_number_of_images_is_triggers_times_images_per_trigger()
    {
        var p = EigerTestParams.Create() with { NumTriggers = 4, NumImagesPerTrigger = 900 };
        Assert.Equal(3600, p.FullNumberOfImages);
        Assert.Equal(TriggerMode.SetFrames, new DetectorParams
        {
            ExposureTimeS = 1,
            Directory = EigerTestParams.NewDirectory(),
            Prefix = "p",
            DetectorDistance = 1,
            OmegaStart = 0,
            OmegaIncrement = 0,
            NumImagesPerTrigger = 1,
            NumTriggers = 1,
            UseRoiMode = false,
            DetDistToBeamConverterPath = string.Empty,
        }.TriggerMode);
    }

    [Fact]
    public void The_beam_centre_is_interpolated_scaled_to_pixels_and_shifted_into_the_roi()
    {
        var full = EigerTestParams.Create();
        var (x, y) = full.GetBeamPositionPixels(150);
        Assert.Equal(151 * 4148 / 311.1, x, 9);
        Assert.Equal(162 * 4362 / 327.15, y, 9);

        var roi = EigerTestParams.Create(useRoiMode: true);
        var (rx, ry) = roi.GetBeamPositionPixels(150);
        Assert.Equal(x - 1040, rx, 9);
        Assert.Equal(y - 1100, ry, 9);

        var (mx, my) = roi.GetBeamPositionMm(150);
        Assert.Equal(151 - ((311.1 - 155.1) / 2), mx, 9);
        Assert.Equal(162 - ((327.15 - 162.15) / 2), my, 9);
    }

    [Fact]
    public void The_lookup_table_extrapolates_linearly_past_either_end()
    {
        var converter = EigerTestParams.Converter;
        Assert.Equal(154, converter.GetBeamXMm(300), 9);
        Assert.Equal(168, converter.GetBeamYMm(300), 9);
        Assert.Equal(148, converter.GetBeamXMm(0), 9);
        Assert.Equal(150, converter.GetBeamXMm(100), 9);
    }

    [Fact]
    public void The_lookup_table_file_is_read_from_the_path_skipping_comments()
    {
        var file = Path.Combine(EigerTestParams.NewDirectory(), "DetDistToBeamXYConverter.txt");
        File.WriteAllLines(file, ["# Beam converter table", "Units mm mm mm", "", "200 152 164", "100 150 160"]);
        var p = EigerTestParams.Create() with { BeamXYConverter = null, DetDistToBeamConverterPath = file };
        Assert.Equal(file, p.BeamXYConverter!.LookupFile);
        Assert.Equal(151, p.BeamXYConverter.GetBeamXMm(150), 9);

        File.WriteAllLines(file, ["100 150"]);
        Assert.Throws<FormatException>(() => DetDistToBeamXYConverter.FromFile(file));
    }

    [Fact]
    public void Detector_sizes_are_found_by_type_string()
    {
        Assert.Same(DetectorSizeConstants.Eiger2X16MSize, DetectorSizeConstants.FromType("EIGER2_X_16M"));
        Assert.Equal(new DetectorSize(2068, 2162), DetectorSizeConstants.FromType("EIGER2_X_4M").DetSizePixels);
        var error = Assert.Throws<KeyNotFoundException>(() => DetectorSizeConstants.FromType("EIGER_1M"));
        Assert.Equal("Detector EIGER_1M not found", error.Message);
    }
}
