using System.Text.Json.Serialization;

namespace Hyperion.Cli.Parameters;

/// <summary>Parameters of <c>robot_load_then_centre</c>: load the pin, then pin-tip centre and X-ray centre it
/// (mx-bluesky's RobotLoadThenCentre).</summary>
public sealed record RobotLoadThenCentre : GenericGrid
{
    /// <summary>The robot load part, made from these parameters as mx-bluesky makes it (all fields, re-validated).</summary>
    [JsonIgnore]
    public RobotLoadAndEnergyChange RobotLoadParams =>
        (RobotLoadAndEnergyChange)ParameterBinder.Bind(typeof(RobotLoadAndEnergyChange), ToJson());

    /// <summary>The centring part, made from these parameters as mx-bluesky makes it.</summary>
    [JsonIgnore]
    public PinTipCentreThenXrayCentre PinCentreThenXrayCentreParams =>
        (PinTipCentreThenXrayCentre)ParameterBinder.Bind(typeof(PinTipCentreThenXrayCentre), ToJson());
}
