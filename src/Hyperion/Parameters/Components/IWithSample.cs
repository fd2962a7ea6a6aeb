namespace Hyperion.Cli.Parameters;

/// <summary>Which sample, and where it sits in the dewar (mx-bluesky's WithSample).</summary>
public interface IWithSample
{
    /// <summary>The ISPyB sample id (<c>sample_id</c>; required).</summary>
    long SampleId { get; }

    /// <summary>The puck (container) number (<c>sample_puck</c>).</summary>
    int? SamplePuck { get; }

    /// <summary>The pin position in the puck (<c>sample_pin</c>).</summary>
    int? SamplePin { get; }
}
