using System.Text.Json.Nodes;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// The external form of a load-centre-collect request (mx-bluesky's BlueAPI LoadCentreCollectParams): what Agamemnon
/// instructions become and what a supervisor sends. It has no parameter version and rejects unknown fields;
/// <see cref="ToInternal"/> turns it into <see cref="LoadCentreCollect"/>.
/// </summary>
public sealed record LoadCentreCollectParams : HyperionParam
{
    /// <summary>How crystals are chosen (<c>select_centres</c>; default the top 1 by max count).</summary>
    public MultiXtalSelection SelectCentres { get; init; } = new TopNByMaxCountSelection { N = 1 };

    /// <summary>The visit (<c>visit</c>).</summary>
    [RequiredField]
    public string Visit { get; init; } = "";

    /// <summary>Detector distance, mm (<c>detector_distance_mm</c>).</summary>
    [RequiredField]
    public double DetectorDistanceMm { get; init; }

    /// <summary>The sample (<c>sample_id</c>).</summary>
    [RequiredField]
    public long SampleId { get; init; }

    /// <summary>The puck (<c>sample_puck</c>).</summary>
    [RequiredField]
    public int SamplePuck { get; init; }

    /// <summary>The pin (<c>sample_pin</c>).</summary>
    [RequiredField]
    public int SamplePin { get; init; }

    /// <summary>The energy, eV (<c>demand_energy_ev</c>).</summary>
    [RequiredField]
    public double DemandEnergyEv { get; init; }

    /// <summary>The load and centring part (<c>robot_load_then_centre</c>).</summary>
    [RequiredField]
    public RobotLoadThenCentreParams RobotLoadThenCentre { get; init; } = new();

    /// <summary>The collection part (<c>multi_rotation_scan</c>).</summary>
    [RequiredField]
    public MultiRotationScanParams MultiRotationScan { get; init; } = new();

    /// <summary>The internal parameters (mx-bluesky's load_centre_collect_to_internal): this build's parameter
    /// version, the grid width and tip offset of the pin, and for a multi-sample pin rotation snapshots made from the
    /// grid snapshots.</summary>
    /// <exception cref="ParameterValidationException">The result breaks a rule of the internal model.</exception>
    public LoadCentreCollect ToInternal()
    {
        var document = ToJson();
        document["parameter_model_version"] = MxBlueskyParameters.ParameterVersion.ToString();
        var robotLoad = (JsonObject)document["robot_load_then_centre"]!;
        var (tipOffset, gridWidth) = RobotLoadThenCentre.PinType.TipOffsetAndGridWidth;
        robotLoad["grid_width_um"] = gridWidth;
        robotLoad["tip_offset_um"] = tipOffset;
        robotLoad.Remove("pin_type");
        if (RobotLoadThenCentre.PinType is MultiSamplePinTypeParam)
        {
            var rotation = (JsonObject)document["multi_rotation_scan"]!;
            rotation["use_grid_snapshots"] = true;
            rotation["snapshot_omegas_deg"] = null;
        }

        return HyperionParameters.Load<LoadCentreCollect>(document);
    }
}
