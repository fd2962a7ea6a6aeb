using Hyperion.Devices.Core;
using Hyperion.Devices.Motors;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>
/// i03's double crystal monochromator (dodal's DCM, prefix BL03I-MO-DCM-01:): energy, bragg, offset, perp and
/// wavelength motors, the first crystal's pitch and roll, seven temperatures, the d-spacing readback and the
/// crystal metadata (Si 111). Everything is read; moves go through the motor records.
/// </summary>
public sealed class Dcm : StandardReadable
{

    /// <summary>Creates the DCM on <paramref name="prefix"/>.</summary>
    public Dcm(string prefix, string name = "")
        : base(string.Empty)
    {
        Metadata = CrystalMetadata.FromMaterial(CrystalMaterial.Si, 1, 1, 1);
        EnergyInKeV = new Motor(prefix + "ENERGY");
        EnergyInEV = Soft.SignalR(async ct => await EnergyInKeV.UserReadback.GetValueAsync(cancellationToken: ct).ConfigureAwait(false) * 1000, units: "eV");
        Xtal1 = new PitchAndRollCrystal(prefix);
        Xtal2 = new StationaryCrystal(prefix);
        WavelengthInA = new Motor(prefix + "WAVELENGTH");
        BraggInDegrees = new Motor(prefix + "BRAGG");
        OffsetInMm = new Motor(prefix + "OFFSET");
        CrystalMetadataDSpacingA = Epics.SignalR<double>(prefix + "DSPACING:RBV");
        PerpInMm = new Motor(prefix + "PERP");
        Xtal1Temp = Epics.SignalR<double>(prefix + "TEMP1");
        Xtal2Temp = Epics.SignalR<double>(prefix + "TEMP2");
        Xtal1HeaterTemp = Epics.SignalR<double>(prefix + "TEMP3");
        Xtal2HeaterTemp = Epics.SignalR<double>(prefix + "TEMP4");
        BackplateTemp = Epics.SignalR<double>(prefix + "TEMP5");
        PerpTemp = Epics.SignalR<double>(prefix + "TEMP6");
        PerpSubAssemblyTemp = Epics.SignalR<double>(prefix + "TEMP7");
        CrystalMetadataUsage = Soft.SignalRAndSetter(Metadata.Usage).Signal;
        CrystalMetadataType = Soft.SignalRAndSetter(Metadata.Type).Signal;
        CrystalMetadataReflection = Soft.SignalRAndSetter(Metadata.Reflection.Select(i => (long)i).ToArray()).Signal;
        AddReadables(
            StandardReadableFormat.Child,
            EnergyInKeV,
            EnergyInEV,
            Xtal1,
            Xtal2,
            WavelengthInA,
            BraggInDegrees,
            OffsetInMm,
            CrystalMetadataDSpacingA,
            PerpInMm,
            Xtal1Temp,
            Xtal2Temp,
            Xtal1HeaterTemp,
            Xtal2HeaterTemp,
            BackplateTemp,
            PerpTemp,
            PerpSubAssemblyTemp,
            CrystalMetadataUsage,
            CrystalMetadataType,
            CrystalMetadataReflection);
        SetName(name);
    }

    /// <summary>The crystal metadata the soft signals hold (Si 111, d = 0.31356 nm).</summary>
    public CrystalMetadata Metadata { get; }

    /// <summary>ENERGY, in keV.</summary>
    [DeviceChild("energy_in_keV")]
    public Motor EnergyInKeV { get; }

    /// <summary>The energy readback in eV (derived).</summary>
    [DeviceChild("energy_in_eV")]
    public SignalR<double> EnergyInEV { get; }

    /// <summary>The first crystal: PITCH and ROLL.</summary>
    [DeviceChild("xtal_1")]
    public PitchAndRollCrystal Xtal1 { get; }

    /// <summary>The second crystal, which does not move.</summary>
    [DeviceChild("xtal_2")]
    public StationaryCrystal Xtal2 { get; }

    /// <summary>WAVELENGTH, in Å.</summary>
    public Motor WavelengthInA { get; }

    /// <summary>BRAGG, in degrees.</summary>
    public Motor BraggInDegrees { get; }

    /// <summary>OFFSET, in mm: keeps the beam leaving the DCM at the same point whatever the energy.</summary>
    public Motor OffsetInMm { get; }

    /// <summary>DSPACING:RBV, in Å.</summary>
    public SignalR<double> CrystalMetadataDSpacingA { get; }

    /// <summary>PERP, in mm: the gap between the crystals, which changes with the angle for the energy.</summary>
    public Motor PerpInMm { get; }

    /// <summary>TEMP1.</summary>
    public SignalR<double> Xtal1Temp { get; }

    /// <summary>TEMP2.</summary>
    public SignalR<double> Xtal2Temp { get; }

    /// <summary>TEMP3.</summary>
    public SignalR<double> Xtal1HeaterTemp { get; }

    /// <summary>TEMP4.</summary>
    public SignalR<double> Xtal2HeaterTemp { get; }

    /// <summary>TEMP5.</summary>
    public SignalR<double> BackplateTemp { get; }

    /// <summary>TEMP6.</summary>
    public SignalR<double> PerpTemp { get; }

    /// <summary>TEMP7.</summary>
    public SignalR<double> PerpSubAssemblyTemp { get; }

    /// <summary>"Bragg".</summary>
    public SignalR<string> CrystalMetadataUsage { get; }

    /// <summary>"silicon".</summary>
    public SignalR<string> CrystalMetadataType { get; }

    /// <summary>[1, 1, 1].</summary>
    public SignalR<long[]> CrystalMetadataReflection { get; }
}
