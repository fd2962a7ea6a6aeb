using Hyperion.Devices.Mx.Sample;
using Microsoft.Extensions.Logging;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>
/// An undulator set by beam energy in keV (dodal's UndulatorInKeV): the gap comes from a lookup table of gap
/// against energy in eV, read afresh on every set and interpolated linearly.
/// </summary>
public sealed class UndulatorInKeV : BaseUndulator
{
    /// <summary>
    /// Creates the undulator on <paramref name="prefix"/> with the gap table at
    /// <paramref name="idGapLookupTablePath"/> (i03: /dls_sw/i03/software/daq_configuration/lookup/BeamLine_Undulator_toGap.txt).
    /// </summary>
    public UndulatorInKeV(string prefix, string idGapLookupTablePath = "/dev/null", int? poles = null, double? length = null, int? undulatorPeriod = null, Baton? baton = null, string name = "", ILogger? logger = null)
        : base(prefix, poles, length, undulatorPeriod, baton, logger)
    {
        IdGapLookupTablePath = idGapLookupTablePath;
        SetName(name);
    }

    /// <summary>The gap lookup table's path.</summary>
    public string IdGapLookupTablePath { get; }

    /// <summary>Moves the gap to match <paramref name="value"/> keV.</summary>
    public override async Task SetAsync(double value, CancellationToken cancellationToken = default)
    {
        var targetGap = await GetGapToMatchEnergyAsync(value, cancellationToken).ConfigureAwait(false);
        BeamLog.SettingGap(Logger, targetGap, value);
        await SetGapAsync(targetGap, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The gap (mm) the lookup table gives for <paramref name="energyKev"/>.</summary>
    public async Task<double> GetGapToMatchEnergyAsync(double energyKev, CancellationToken cancellationToken = default)
    {
        var table = await EnergyDistanceTable.LoadAsync(IdGapLookupTablePath, cancellationToken).ConfigureAwait(false);
        return table.GapForEnergy(energyKev * 1000);
    }
}
