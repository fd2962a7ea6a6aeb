using Hyperion.Cli.Experiments;
using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Cli.Tests.Experiments;

/// <summary>
/// What the IOCs would do, on mock devices, for a plan on a real RunEngine: Odin initialised and following the file
/// name, the fan ready while acquiring, frames all written, and the zebra confirming arm and disarm.
/// </summary>
internal static class MockBeamlineBehaviour
{
    /// <summary>Connects the beamline's devices that HyperionDevices does not hold but the plans use (baton, cryojet, gantry).</summary>
    public static async Task ConnectExtrasAsync(HyperionDevices devices)
    {
        foreach (var name in new[] { "baton", "cryojet", "cryostream_gantry" })
        {
            await devices.Beamline.Get<Device>(name).ConnectAsync(new DeviceConnectOptions { Mock = true });
        }
    }

    public static async Task InstallAsync(HyperionDevices devices)
    {
        await ConnectExtrasAsync(devices);
        var eiger = devices.Eiger;
        var odin = eiger.Odin;
        odin.Fan.ConsumersConnected.Mock!.SetValue(1);
        odin.Fan.On.Mock!.SetValue(1);
        odin.Meta.Initialised.Mock!.SetValue(1);
        odin.Meta.Active.Mock!.SetValue(1);
        foreach (var node in odin.Nodes.Nodes)
        {
            node.FrInitialised.Mock!.SetValue(1);
            node.FpInitialised.Mock!.SetValue(1);
        }

        eiger.BitDepth.Mock!.SetValue(16);
        devices.XbpmFeedback.PosStable.Mock!.SetValue(1);
        devices.Oav.ZoomController.Level.Mock!.SetValue("1.0x");
        devices.Oav.GridSnapshot.XSize.Mock!.SetValue(1024);
        devices.Oav.GridSnapshot.YSize.Mock!.SetValue(768);

        // The aperture moves only in y once z is at the apertures' common z.
        devices.ApertureScatterguard.Aperture.Z.UserReadback.Mock!.SetValue(15.8);
        devices.ApertureScatterguard.Aperture.Z.UserSetpoint.Mock!.SetValue(15.8);

        // The IOC's calc records say which aperture is in; the tests collect with the small one.
        devices.ApertureScatterguard.Aperture.Small.Mock!.SetValue(1);
        devices.XbpmFeedback.PosOk.Mock!.SetValue(1);
        Follow(odin.FileWriter.FileName, name =>
        {
            odin.Meta.FileName.Mock!.SetValue(name);
            odin.FileWriter.Id.Mock!.SetValue(name);
        });
        Follow(odin.FileWriter.Capture, SetWriting);
        Follow(odin.FileWriter.StartTimeout, _ => SetWriting(0));
        Follow(eiger.Cam.Acquire, acquire =>
        {
            odin.Fan.Ready.Mock!.SetValue(acquire);
            if (acquire == 0 && eiger.DetectorParams is { } parameters)
            {
                odin.FileWriter.NumCaptured.Mock!.SetValue(parameters.FullNumberOfImages);
            }
        });

        var arm = devices.Zebra.Pc.Arm;
        Follow(arm.ArmSet, _ => arm.Armed.Mock!.SetValue(1));
        Follow(arm.DisarmSet, _ => arm.Armed.Mock!.SetValue(0));

        void SetWriting(int writing)
        {
            odin.Meta.Ready.Mock!.SetValue(writing);
            foreach (var node in odin.Nodes.Nodes)
            {
                node.Writing.Mock!.SetValue(writing);
            }
        }
    }

    private static void Follow<T>(SignalRW<T> signal, Action<T> follow) =>
        signal.Mock!.PutCallback = (value, _) =>
        {
            follow(value);
            return Task.CompletedTask;
        };
}
