using System.Text.Json.Serialization;

namespace Hyperion.Cli.Parameters;

/// <summary>The goniometer axis a rotation sweep turns about.</summary>
public enum RotationAxis
{
    /// <summary>Omega (the default).</summary>
    [JsonStringEnumMemberName("omega")]
    Omega,

    /// <summary>Phi.</summary>
    [JsonStringEnumMemberName("phi")]
    Phi,

    /// <summary>Chi.</summary>
    [JsonStringEnumMemberName("chi")]
    Chi,

    /// <summary>Kappa.</summary>
    [JsonStringEnumMemberName("kappa")]
    Kappa,
}
