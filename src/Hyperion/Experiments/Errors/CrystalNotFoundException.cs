namespace Hyperion.Cli.Experiments.Errors;

/// <summary>Grid detection and X-ray centring completed normally but found no crystal (mx-bluesky's CrystalNotFoundError).</summary>
public sealed class CrystalNotFoundException : SampleException
{
    /// <summary>The text Hyperion reports for it.</summary>
    public const string Text = "Diffraction not found, skipping sample.";

    /// <summary>No crystal was found.</summary>
    public CrystalNotFoundException()
        : base(Text)
    {
    }

    /// <summary>No crystal was found; <paramref name="innerException"/> says why.</summary>
    public CrystalNotFoundException(Exception? innerException)
        : base(Text, innerException)
    {
    }
}
