namespace Hyperion.Devices.Signals;

/// <summary>
/// Marks an enum whose labels need only be a subset of the PV's choices (ophyd-async's SubsetEnum); without it the
/// labels must match the PV's choices exactly (StrictEnum).
/// </summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class SubsetEnumAttribute : Attribute;
