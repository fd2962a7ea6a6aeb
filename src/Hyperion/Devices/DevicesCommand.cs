using System.CommandLine;
using System.Text.Json;
using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Cli.Devices;

/// <summary><c>hyperion devices --beamline i03|s03 [--json]</c>: every device of a beamline with its signals and PVs.</summary>
internal static class DevicesCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Build()
    {
        var beamline = new Option<string>("--beamline", "-b") { Description = "The beamline: i03 or s03 (default: $BEAMLINE, else i03).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BEAMLINE") ?? "i03" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var only = new Option<string[]>("--device", "-d") { Description = "Only these devices.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("devices", "List a beamline's devices, their signals and PV names (dodal's i03 devices).") { beamline, json, only };
        command.SetAction(parse => Run(parse.GetValue(beamline)!, parse.GetValue(json), parse.GetValue(only) ?? []));
        return command;
    }

    private static int Run(string name, bool json, string[] only)
    {
        Beamline beamline;
        try
        {
            beamline = I03Beamline.Create(name);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        var unknown = only.Where(d => !beamline.Factories.Any(f => f.Name == d)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"{beamline.Prefixes.Name} has no device {string.Join(", ", unknown)}. Its devices: {string.Join(", ", beamline.Factories.Select(f => f.Name))}.");
            return 2;
        }

        var listing = beamline.Factories
            .Where(f => only.Length == 0 || only.Contains(f.Name))
            .Select(f => Describe(beamline, f))
            .ToList();
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new { beamline = beamline.Prefixes.Name, prefix = beamline.Prefixes.Beamline, insertion_prefix = beamline.Prefixes.Insertion, devices = listing }, Indented));
            return 0;
        }

        foreach (var device in listing)
        {
            if (device.absent)
            {
                Console.Out.WriteLine($"{device.name} ({device.@class}): absent on {beamline.Prefixes.Name}");
                continue;
            }

            Console.Out.WriteLine($"{device.name} ({device.@class}), {device.signals.Count} signals");
            var width = device.signals.Count == 0 ? 0 : device.signals.Max(s => s.name.Length);
            foreach (var signal in device.signals)
            {
                var pvs = signal.read_pv == signal.write_pv || signal.write_pv is null ? signal.read_pv : signal.read_pv is null ? signal.write_pv : $"{signal.read_pv} <- {signal.write_pv}";
                Console.Out.WriteLine($"  {signal.name.PadRight(width)}  {signal.access,-2}  {signal.datatype,-10}  {pvs}");
            }
        }

        return 0;
    }

    private static DeviceListing Describe(Beamline beamline, DeviceFactory factory)
    {
        if (beamline.IsAbsent(factory.Name))
        {
            return new DeviceListing(factory.Name, "", true, []);
        }

        var device = beamline.Get(factory.Name);
        var signals = (device is Signal self ? [self] : device.Descendants().OfType<Signal>())
            .Select(s => s.Info)
            .Select(i => new SignalListing(i.Name, Access(i.Access), i.Datatype, Pv(i.ReadSource), Pv(i.WriteSource)))
            .ToList();
        return new DeviceListing(factory.Name, device.GetType().Name, false, signals);
    }

    private static string Access(SignalAccess access) => access switch
    {
        SignalAccess.Read => "R",
        SignalAccess.Write => "W",
        SignalAccess.ReadWrite => "RW",
        _ => "X",
    };

    private static string? Pv(string? source) => source is null ? null : source.StartsWith("ca://", StringComparison.Ordinal) ? source[5..] : source;

#pragma warning disable IDE1006, SA1300 // JSON field names as dodal users read them.
    private sealed record DeviceListing(string name, string @class, bool absent, List<SignalListing> signals);

    private sealed record SignalListing(string name, string access, string datatype, string? read_pv, string? write_pv);
#pragma warning restore IDE1006, SA1300
}
