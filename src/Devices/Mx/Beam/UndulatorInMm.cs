using Hyperion.Devices.Mx.Sample;
using Microsoft.Extensions.Logging;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>An undulator set by gap in mm (dodal's UndulatorInMm).</summary>
public sealed class UndulatorInMm : BaseUndulator
{
    /// <summary>Creates the undulator on <paramref name="prefix"/>.</summary>
    public UndulatorInMm(string prefix, int? poles = null, double? length = null, int? undulatorPeriod = null, Baton? baton = null, string name = "", ILogger? logger = null)
        : base(prefix, poles, length, undulatorPeriod, baton, logger)
    {
        SetName(name);
    }

    /// <summary>Moves the gap to <paramref name="value"/> mm.</summary>
    public override Task SetAsync(double value, CancellationToken cancellationToken = default) => SetGapAsync(value, cancellationToken);
}
