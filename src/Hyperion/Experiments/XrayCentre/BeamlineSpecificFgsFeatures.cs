using Hyperion.Devices.Mx.GridScan;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.XrayCentre;

/// <summary>The beamline-specific parts of the X-ray centring flyscan (mx-bluesky's BeamlineSpecificFGSFeatures).</summary>
/// <param name="SetupTriggerPlan">Sets the triggering up (the zebra), just before the scan.</param>
/// <param name="TidyPlan">Puts the devices back, however the flyscan ends (zocalo and the Eiger are tidied separately).</param>
/// <param name="SetFlyscanParamsPlan">Sets the fast grid scan device's parameters.</param>
/// <param name="FgsMotors">The fast grid scan device.</param>
/// <param name="ReadPreFlyscanPlan">Reads the hardware once configured, before the scan.</param>
/// <param name="ReadDuringCollectionPlan">Reads the hardware while the scan runs.</param>
public sealed record BeamlineSpecificFgsFeatures(
    Func<Plan> SetupTriggerPlan,
    Func<Plan> TidyPlan,
    Func<Plan> SetFlyscanParamsPlan,
    ZebraFastGridScan FgsMotors,
    Func<Plan> ReadPreFlyscanPlan,
    Func<Plan> ReadDuringCollectionPlan);
