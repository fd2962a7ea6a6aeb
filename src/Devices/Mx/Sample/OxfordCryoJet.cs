using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Sample;

/// <summary>The Oxford cryojet's coarse and fine In/Out controls (dodal's OxfordCryoJet, i03 prefix BL03I-EA-CJET-01:).</summary>
public sealed class OxfordCryoJet : StandardReadable
{
    /// <summary>Creates the cryojet on <paramref name="prefix"/>.</summary>
    public OxfordCryoJet(string prefix, string name = "")
        : base(string.Empty)
    {
        Coarse = Epics.SignalRW<InOut>(prefix + "COARSE:CTRL");
        Fine = Epics.SignalRW<InOut>(prefix + "FINE:CTRL");
        AddReadables(StandardReadableFormat.Child, Coarse, Fine);
        SetName(name);
    }

    /// <summary>COARSE:CTRL.</summary>
    public SignalRW<InOut> Coarse { get; }

    /// <summary>FINE:CTRL.</summary>
    public SignalRW<InOut> Fine { get; }
}
