using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Beam;

namespace Hyperion.Devices.Tests.Mx.Beam;

public class DcmTests
{
    private static async Task<Dcm> MockDcmAsync()
    {
        var dcm = new Dcm("BL03I-MO-DCM-01:", "dcm");
        await dcm.ConnectAsync(new DeviceConnectOptions { Mock = true });
        return dcm;
    }

    [Fact]
    public async Task The_pvs_are_dodals()
    {
        var dcm = await MockDcmAsync();
        Assert.Equal("mock+ca://BL03I-MO-DCM-01:ENERGY.RBV", dcm.EnergyInKeV.UserReadback.Source);
        Assert.Equal("mock+ca://BL03I-MO-DCM-01:PITCH.RBV", dcm.Xtal1.PitchInMrad.UserReadback.Source);
        Assert.Equal("mock+ca://BL03I-MO-DCM-01:ROLL.RBV", dcm.Xtal1.RollInMrad.UserReadback.Source);
        Assert.Equal("mock+ca://BL03I-MO-DCM-01:WAVELENGTH.RBV", dcm.WavelengthInA.UserReadback.Source);
        Assert.Equal("mock+ca://BL03I-MO-DCM-01:BRAGG.RBV", dcm.BraggInDegrees.UserReadback.Source);
        Assert.Equal("mock+ca://BL03I-MO-DCM-01:OFFSET.RBV", dcm.OffsetInMm.UserReadback.Source);
        Assert.Equal("mock+ca://BL03I-MO-DCM-01:PERP.RBV", dcm.PerpInMm.UserReadback.Source);
        Assert.Equal("mock+ca://BL03I-MO-DCM-01:DSPACING:RBV", dcm.CrystalMetadataDSpacingA.Source);
        Assert.Equal(
            ["TEMP1", "TEMP2", "TEMP3", "TEMP4", "TEMP5", "TEMP6", "TEMP7"],
            new[] { dcm.Xtal1Temp, dcm.Xtal2Temp, dcm.Xtal1HeaterTemp, dcm.Xtal2HeaterTemp, dcm.BackplateTemp, dcm.PerpTemp, dcm.PerpSubAssemblyTemp }
                .Select(s => s.Source["mock+ca://BL03I-MO-DCM-01:".Length..]));
    }

    [Fact]
    public async Task The_read_has_dodals_keys_and_the_crystal_metadata()
    {
        var dcm = await MockDcmAsync();
        dcm.EnergyInKeV.UserReadback.Mock!.SetValue(12.7);
        var reading = await dcm.ReadAsync();
        foreach (var key in new[] { "dcm-energy_in_keV", "dcm-energy_in_eV", "dcm-bragg_in_degrees", "dcm-offset_in_mm", "dcm-backplate_temp", "dcm-crystal_metadata_usage", "dcm-crystal_metadata_type", "dcm-crystal_metadata_reflection", "dcm-crystal_metadata_d_spacing_a", "dcm-xtal_1-pitch_in_mrad", "dcm-xtal_1-roll_in_mrad", "dcm-perp_sub_assembly_temp", "dcm-wavelength_in_a", "dcm-perp_in_mm" })
        {
            Assert.Contains(key, reading.Keys);
        }

        Assert.Equal(12700, (double)reading["dcm-energy_in_eV"].Value!, 9);
        Assert.Equal("Bragg", reading["dcm-crystal_metadata_usage"].Value);
        Assert.Equal("silicon", reading["dcm-crystal_metadata_type"].Value);
        Assert.Equal(new[] { 1L, 1L, 1L }, await dcm.CrystalMetadataReflection.GetValueAsync());
    }

    [Fact]
    public void Silicon_111_has_a_d_spacing_of_0_31356_nm()
    {
        var metadata = CrystalMetadata.FromMaterial(CrystalMaterial.Si, 1, 1, 1);
        Assert.Equal(0.31356, metadata.DSpacingNm);
        Assert.Throws<ArgumentException>(() => CrystalMetadata.FromMaterial(CrystalMaterial.Si, 0, 1, 1));
    }
}
