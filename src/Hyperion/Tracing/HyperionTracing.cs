using System.Diagnostics;
using Hyperion.Engine.Tracing;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hyperion.Cli.Tracing;

/// <summary>
/// Hyperion's OpenTelemetry traces: a span per plan from the runner, and the RunEngine's spans per run and per
/// device operation (set, wait, complete, collect), exported over OTLP when an endpoint is given.
/// </summary>
public static class HyperionTracing
{
    /// <summary>The runner's activity source name.</summary>
    public const string SourceName = "Hyperion.Runner";

    /// <summary>The runner's activity source.</summary>
    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>The activity sources Hyperion exports.</summary>
    public static IReadOnlyList<string> Sources { get; } = [SourceName, EngineTracing.SourceName];

    /// <summary>
    /// Starts exporting traces to <paramref name="otlpEndpoint"/> (or OTEL_EXPORTER_OTLP_ENDPOINT when null); null
    /// when neither is set. <paramref name="configure"/> adds further exporters (tests use the in-memory one).
    /// </summary>
    public static TracerProvider? Start(Uri? otlpEndpoint, Action<TracerProviderBuilder>? configure = null)
    {
        otlpEndpoint ??= Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } text ? new Uri(text) : null;
        if (otlpEndpoint is null && configure is null)
        {
            return null;
        }

        var builder = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService("hyperion"))
            .AddSource([.. Sources]);
        if (otlpEndpoint is not null)
        {
            builder.AddOtlpExporter(o =>
            {
                o.Endpoint = otlpEndpoint;
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
            });
        }

        configure?.Invoke(builder);
        return builder.Build();
    }
}
