using Hyperion.Nexus.Geometry;

namespace Hyperion.Nexus.Nxmx;

/// <summary>One NXtransformations axis as read: values in mm or degrees, its unit vector, offset (mm) and parent.</summary>
internal sealed record NxmxTransformation(string Type, double[] Values, Vector3D Vector, Vector3D Offset, string DependsOn)
{
    /// <summary>The first value (a fixed axis has only one).</summary>
    public double Value => Values[0];
}
