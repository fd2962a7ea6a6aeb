using BenchmarkDotNet.Running;
using Hyperion.Benchmarks;

// "quick [scale] [engine|ca|devices|twin|diffraction|eiger|zocalo]" prints one JSON line per workload in about a minute; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "quick")
{
    var scale = args.Length > 1 && double.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 1.0;
    var only = args.Length > 2 ? args[2] : "all";
    if (only is "all" or "engine")
    {
        await QuickBenchmark.RunAsync(Console.Out, scale);
    }

    if (only is "all" or "ca")
    {
        await CaQuickBenchmark.RunAsync(Console.Out, scale);
    }

    if (only is "all" or "devices")
    {
        await DevicesQuickBenchmark.RunAsync(Console.Out, scale);
    }

    if (only is "all" or "twin")
    {
        await TwinQuickBenchmark.RunAsync(Console.Out, scale);
    }

    if (only is "all" or "diffraction")
    {
        await DiffractionQuickBenchmark.RunAsync(Console.Out, scale);
    }

    if (only is "all" or "eiger")
    {
        await EigerPipelineQuickBenchmark.RunAsync(Console.Out, scale);
    }

    if (only is "all" or "zocalo")
    {
        await ZocaloQuickBenchmark.RunAsync(Console.Out, scale);
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args);
return 0;
