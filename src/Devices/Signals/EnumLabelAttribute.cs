namespace Hyperion.Devices.Signals;

/// <summary>
/// The string an enum member stands for on the PV (an mbbo state label, say), as ophyd-async's StrictEnum members
/// carry their string values. Without it the member's own name is the label.
/// </summary>
/// <param name="label">The label, exactly as the PV spells it.</param>
[AttributeUsage(AttributeTargets.Field)]
public sealed class EnumLabelAttribute(string label) : Attribute
{
    /// <summary>The label.</summary>
    public string Label { get; } = label;
}
