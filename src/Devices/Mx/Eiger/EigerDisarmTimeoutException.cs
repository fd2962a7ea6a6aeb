namespace Hyperion.Devices.Mx.Eiger;

/// <summary>
/// Disarming ran past its time-out: the Odin file writers never reported the collection finished. Carries what the
/// writer nodes said when time ran out, since an Odin error (a data file it would not overwrite, a full disk) is the
/// usual reason and a bare time-out would hide it.
/// </summary>
public sealed class EigerDisarmTimeoutException : TimeoutException
{
    /// <summary>Creates the error.</summary>
    public EigerDisarmTimeoutException(string device, string step, TimeSpan limit, IReadOnlyList<string> odinErrors, Exception? innerException = null)
        : base(Describe(device, step, limit, odinErrors), innerException)
    {
        Device = device;
        Step = step;
        Limit = limit;
        OdinErrors = odinErrors;
    }

    /// <summary>The detector's name.</summary>
    public string Device { get; }

    /// <summary>What disarming was waiting for.</summary>
    public string Step { get; }

    /// <summary>The time-out.</summary>
    public TimeSpan Limit { get; }

    /// <summary>"node n: message" for each Odin writer node in error when time ran out; empty when none was.</summary>
    public IReadOnlyList<string> OdinErrors { get; }

    private static string Describe(string device, string step, TimeSpan limit, IReadOnlyList<string> odinErrors)
    {
        ArgumentNullException.ThrowIfNull(odinErrors);
        var lead = $"{device}: {step} did not finish within {limit.TotalSeconds:0.###} s";
        return odinErrors.Count == 0 ? lead + "." : $"{lead}; Odin reports {string.Join("; ", odinErrors)}";
    }
}
