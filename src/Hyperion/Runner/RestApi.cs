using System.Text.Json.Nodes;
using Hyperion.Cli.Logging;
using Hyperion.Cli.Parameters;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hyperion.Cli.Runner;

/// <summary>
/// Hyperion's REST API (as its README documents it): <c>PUT /{plan}/start</c> with the parameter JSON, <c>PUT /stop</c>,
/// <c>GET /status</c>, <c>PUT /flush_debug_log</c>; and ours: <c>GET /plans</c> (names and parameter schemas) and
/// <c>GET /devices</c>.
/// </summary>
public static class RestApi
{
    /// <summary>Maps the endpoints onto <paramref name="routes"/>.</summary>
    public static void Map(IEndpointRouteBuilder routes, PlanRunner runner, Func<IReadOnlyList<DeviceInfo>> devices, DebugLogBuffer? debugLog)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(devices);
        routes.MapPut("/{plan}/start", async (string plan, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            return Results.Json(runner.Start(plan, body));
        });
        routes.MapPut("/stop", () => Results.Json(runner.Stop()));
        routes.MapGet("/status", () => Results.Json(runner.Status));
        routes.MapPut("/flush_debug_log", () =>
        {
            var path = debugLog?.FlushToFile("flush requested through the REST API");
            return Results.Json(StatusAndMessage.Of(RunnerStatus.Success, path ?? string.Empty));
        });
        routes.MapGet("/plans", () =>
        {
            var plans = new JsonArray();
            foreach (var plan in HyperionPlans.All)
            {
                plans.Add(new JsonObject { ["name"] = plan.PlanName, ["parameter_model"] = plan.ParameterType.Name, ["schema"] = plan.Schema });
            }

            return Results.Text(new JsonObject { ["plans"] = plans }.ToJsonString(), "application/json");
        });
        routes.MapGet("/devices", () => Results.Json(new { devices = devices() }));
    }
}
