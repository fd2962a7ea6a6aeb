using System.Text.Json.Nodes;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Zebra;

namespace Hyperion.Cli.Tests.Parameters;

public sealed class AgamemnonTests
{
    private const double NativeEnergyEv = 12700.045934258673;

    [Fact]
    public void A_native_collect_becomes_one_load_centre_collect_per_collection()
    {
        var parameters = AgamemnonConverter.CreateParameters(ReferencePaths.ReadAgamemnon("example_native.json"));
        Assert.Equal(2, parameters.Count);
        Assert.All(parameters, p =>
        {
            var lcc = Assert.IsType<LoadCentreCollectParams>(p);
            Assert.Equal("mx34598-77", lcc.Visit);
            Assert.Equal(237.017, lcc.DetectorDistanceMm, 3);
            Assert.Equal((6501159L, 5, 4), (lcc.SampleId, lcc.SamplePuck, lcc.SamplePin));
            Assert.Equal(1, Assert.IsType<TopNByMaxCountSelection>(lcc.SelectCentres).N);
            Assert.Equal(NativeEnergyEv, lcc.DemandEnergyEv);
            Assert.Single(lcc.MultiRotationScan.RotationScans);
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_centring_part_gets_the_xrc_paths_pin_geometry_and_roi_setting(bool roi)
    {
        var collections = AgamemnonConverter.ToLoadCentreCollect(ReferencePaths.ReadAgamemnon("example_native.json"), xrcUseRoiMode: roi);
        Assert.Equal([0.0, 30.0], collections.Select(c => c.RobotLoadThenCentre.ChiStartDeg!.Value));
        Assert.All(collections, c =>
        {
            var centring = c.RobotLoadThenCentre;
            Assert.Equal("mx34598-77", centring.Visit);
            Assert.Equal(237.017, centring.DetectorDistanceMm!.Value, 3);
            Assert.Equal((6501159L, 5, 4), (centring.SampleId, centring.SamplePuck!.Value, centring.SamplePin!.Value));
            Assert.Equal(NativeEnergyEv, centring.DemandEnergyEv);
            Assert.Equal([0, 90], centring.OmegaStartsDeg);
            Assert.Equal(1.0, centring.TransmissionFrac);
            Assert.Equal(GridscanParamConstants.ExposureTimeS, centring.ExposureTimeS);
            Assert.Equal((300.0, 600.0), (centring.TipOffsetUm, centring.GridWidthUm));
            Assert.Equal("6.0.0", centring.ParameterModelVersion.ToString());
            Assert.Equal("/dls/i03/data/2025/mx34598-77/xraycentring/auto/CBLBA/CBLBA-x00242", centring.StorageDirectory);
            Assert.Equal("CBLBA-x00242", centring.FileName);
            Assert.Equal("/dls/i03/data/2025/mx34598-77/jpegs/auto/CBLBA/CBLBA-x00242", centring.SnapshotDirectory);
            Assert.Equal(roi, centring.UseRoiMode);
        });
    }

    [Fact]
    public void The_collection_part_gets_the_sweep_and_rotation_settings()
    {
        var collections = AgamemnonConverter.ToLoadCentreCollect(ReferencePaths.ReadAgamemnon("example_native.json"));
        Assert.All(collections, c =>
        {
            var rotation = c.MultiRotationScan with { };
            Assert.Equal("mx34598-77", rotation.Visit);
            Assert.Equal(0.003, rotation.ExposureTimeS);
            Assert.Equal(3600, rotation.NumImages);
            Assert.Equal(0.1426315789473684, rotation.TransmissionFrac);
            Assert.Equal("Complete_P1_sweep1 ", rotation.Comment);
            Assert.Equal(IspybExperimentType.Osc, rotation.IspybExperimentType);
            Assert.Equal(NativeEnergyEv, rotation.DemandEnergyEv);
            Assert.Equal("/dls/i03/data/2025/mx34598-77/auto/CBLBA/CBLBA-x00242", rotation.StorageDirectory);
            Assert.Equal("CBLBA-x00242", rotation.FileName);
            Assert.Equal("/dls/i03/data/2025/mx34598-77/jpegs/auto/CBLBA/CBLBA-x00242", rotation.SnapshotDirectory);
            Assert.Equal([0.0, 90, 180, 270], rotation.SnapshotOmegasDeg);
            var detector = rotation.DetectorParams;
            Assert.Equal((0.0, 0.003, 3600), (detector.OmegaStart, detector.ExposureTimeS, detector.NumImagesPerTrigger));
        });

        var sweeps = collections.SelectMany(c => c.MultiRotationScan.SingleRotationScans).ToList();
        Assert.Equal(2, sweeps.Count);
        Assert.Equal([0.0, 30.0], sweeps.Select(s => s.ChiStartDeg!.Value));
        Assert.All(sweeps, s =>
        {
            Assert.Equal(0.1, s.ScanPoints[1]);
            Assert.Equal(0.0, s.PhiStartDeg);
            Assert.Equal(RotationDirection.Positive, s.RotationDirection);
            Assert.Equal(360.0, s.ScanWidthDeg, 9);
        });
    }

    [Fact]
    public void A_multipin_loop_selects_a_centre_per_well_and_widens_the_grid()
    {
        var parameters = AgamemnonConverter.CreateParameters(ReferencePaths.ReadAgamemnon("example_collect_multipin.json"));
        Assert.Equal(2, parameters.Count);
        var external = Assert.IsType<LoadCentreCollectParams>(parameters[0]);
        Assert.Equal(6, Assert.IsType<TopNByMaxCountSelection>(external.SelectCentres).N);
        var pin = Assert.IsType<MultiSamplePinTypeParam>(external.RobotLoadThenCentre.PinType);
        Assert.Equal((6, 50.0, 10.0), (pin.Wells, pin.WellSizeUm, pin.TipToFirstWellUm));
        Assert.Equal("cm00000-0", external.Visit);
        Assert.Equal((12345L, 40, 3), (external.SampleId, external.SamplePuck, external.SamplePin));

        var internalParams = external.ToInternal();
        Assert.Equal((135.0, 270.0), (internalParams.RobotLoadThenCentre.TipOffsetUm, internalParams.RobotLoadThenCentre.GridWidthUm));
        Assert.True(internalParams.MultiRotationScan.UseGridSnapshots);
        Assert.Null(internalParams.MultiRotationScan.SnapshotOmegasDeg);
        Assert.Equal(0.5, internalParams.MultiRotationScan.TransmissionFrac);
        Assert.Equal(180.8, internalParams.DetectorDistanceMm);
    }

    [Fact]
    public void A_wait_becomes_a_wait()
    {
        var wait = Assert.IsType<Wait>(Assert.Single(AgamemnonConverter.CreateParameters(ReferencePaths.ReadAgamemnon("example_wait.json"))));
        Assert.Equal(12.34, wait.DurationS);
        Assert.Empty(AgamemnonConverter.ToLoadCentreCollect(ReferencePaths.ReadAgamemnon("example_wait.json")));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"collect\": {}}")]
    public void No_instruction_gives_nothing(string json) => Assert.Empty(AgamemnonConverter.CreateParameters(json));

    [Fact]
    public void An_unknown_instruction_is_an_error()
    {
        var e = Assert.Throws<AgamemnonException>(() => AgamemnonConverter.CreateParameters("{\"not_collect\": \"\"}"));
        Assert.Contains("not_collect", e.Message, StringComparison.Ordinal);
        Assert.Throws<AgamemnonException>(() => AgamemnonConverter.CreateParameters("not json"));
    }

    [Theory]
    [InlineData("multipin_6x50+9", 6, 50, 9)]
    [InlineData("multipin_6x25.8+8.6", 6, 25.8, 8.6)]
    [InlineData("multipin_9x31+90", 9, 31, 90)]
    public void Multipin_loop_types_parse(string loopType, int wells, double wellSize, double tipToFirst)
    {
        var pin = Assert.IsType<MultiSamplePinTypeParam>(AgamemnonConverter.GetPinType(Collect(loopType: loopType)));
        Assert.Equal((wells, wellSize, tipToFirst), (pin.Wells, pin.WellSizeUm, pin.TipToFirstWellUm));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("nonesense")]
    [InlineData("single_pin_78x89+1")]
    public void Other_loop_types_are_single_pins(string? loopType) =>
        Assert.IsType<SingleSamplePinTypeParam>(AgamemnonConverter.GetPinType(Collect(loopType: loopType)));

    [Theory]
    [InlineData("multipin_67x56")]
    [InlineData("multipin_6x50+")]
    [InlineData("multipin_6x50+98.")]
    [InlineData("multipin_6x.50+98")]
    [InlineData("multipin_6x+98")]
    public void Malformed_multipin_loop_types_are_errors(string loopType)
    {
        var e = Assert.Throws<AgamemnonException>(() => AgamemnonConverter.GetPinType(Collect(loopType: loopType)));
        Assert.Contains("Expected multipin format", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dls/i03/data/2025/mx23694-130/foo/bar", "mx23694-130")]
    [InlineData("/dls/not-i03/data/2021/mx84743-230", "mx84743-230")]
    public void The_visit_comes_from_the_data_path(string prefix, string visit) =>
        Assert.Equal(visit, AgamemnonConverter.GetVisitAndDetectorDistance(Collect(prefix: prefix)).Visit);

    [Theory]
    [InlineData("/not-dls/i03/data/2025/mx23694-130/foo/bar")]
    [InlineData("/dls/i03/not-data/2025/mx23694-130/foo/bar")]
    [InlineData("/foo/bar/i03/data/2025/mx23694-130")]
    public void A_data_path_outside_mx_general_is_an_error(string prefix)
    {
        var e = Assert.Throws<AgamemnonException>(() => AgamemnonConverter.GetVisitAndDetectorDistance(Collect(prefix: prefix)));
        Assert.Contains("MX-General root structure", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_fields_are_an_error_and_a_missing_wavelength_means_no_energy()
    {
        Assert.Throws<AgamemnonException>(() => AgamemnonConverter.GetVisitAndDetectorDistance(new JsonObject { ["not_collect"] = "" }));
        Assert.Null(AgamemnonConverter.GetDemandEnergyEv(new JsonObject()));
        Assert.Equal(NativeEnergyEv, AgamemnonConverter.GetDemandEnergyEv(Collect(wavelength: 0.97625)));
    }

    [Fact]
    public void A_collection_the_models_reject_is_reported_with_its_path()
    {
        var document = JsonNode.Parse(ReferencePaths.ReadAgamemnon("example_native.json"))!;
        document["collect"]!["collection"]![0]!["exposure_time"] = "soon";
        var e = Assert.Throws<ParameterValidationException>(() => AgamemnonConverter.CreateParameters(document.ToJsonString()));
        Assert.Contains(e.Errors, x => x is { Path: "$.multi_rotation_scan.exposure_time_s", Rule: "float_parsing" });
    }

    private static JsonObject Collect(string? loopType = null, string? prefix = "/dls/i03/data/2025/mx1-1/x", double? wavelength = null) => new()
    {
        ["collection"] = new JsonArray(new JsonObject { ["distance"] = 255, ["wavelength"] = wavelength }),
        ["prefix"] = prefix,
        ["sample"] = new JsonObject { ["loopType"] = loopType, ["id"] = 1, ["position"] = 1, ["container"] = 1 },
    };
}
