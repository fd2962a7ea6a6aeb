namespace Hyperion.FakeZocalo.Client;

/// <summary>Which X-ray centring results a listener takes, by the envelope's <c>gpu</c> flag (as dodal's ZocaloResults).</summary>
public enum ResultSource
{
    /// <summary>Only CPU results (<c>"gpu": false</c>): dodal's default.</summary>
    Cpu,

    /// <summary>Only GPU results (<c>"gpu": true</c>): dodal's <c>use_gpu</c>.</summary>
    Gpu,

    /// <summary>Whichever comes first: dodal's <c>use_cpu_and_gpu</c>.</summary>
    Either,
}
