namespace Hyperion.Devices.Mx.Aperture;

/// <summary>Python's str() of an <see cref="ApertureValue"/>.</summary>
public static class ApertureValueExtensions
{
    /// <summary>The member's Python name capitalised: "Small", "Out_of_beam", "Scin_move".</summary>
    public static string ToDisplayString(this ApertureValue value) => value switch
    {
        ApertureValue.Small => "Small",
        ApertureValue.Medium => "Medium",
        ApertureValue.Large => "Large",
        ApertureValue.OutOfBeam => "Out_of_beam",
        ApertureValue.Parked => "Parked",
        ApertureValue.ScinMove => "Scin_move",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not an aperture value."),
    };
}
