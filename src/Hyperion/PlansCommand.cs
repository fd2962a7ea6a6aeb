using System.CommandLine;
using System.Reflection;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli;

/// <summary><c>hyperion plans</c>: lists the plan library's plans with their parameters.</summary>
internal static class PlansCommand
{
    public static Command Build()
    {
        var command = new Command("plans", "List the built-in plans (bluesky's bluesky.plans) and their parameters.");
        command.SetAction(_ =>
        {
            var plans = typeof(Plans).GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => typeof(Plan).IsAssignableFrom(m.ReturnType))
                .OrderBy(m => m.Name, StringComparer.Ordinal)
                .ThenBy(m => m.GetParameters().Length);
            foreach (var plan in plans)
            {
                var parameters = string.Join(", ", plan.GetParameters().Select(p => $"{Describe(p.ParameterType)} {p.Name}"));
                Console.WriteLine($"{plan.Name}({parameters})");
            }

            return 0;
        });
        return command;
    }

    private static string Describe(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Describe(inner) + "?";
        }

        if (type.IsGenericType)
        {
            var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
            if (name.StartsWith("ValueTuple", StringComparison.Ordinal))
            {
                return "(" + string.Join(", ", type.GetGenericArguments().Select(Describe)) + ")";
            }

            return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>";
        }

        return type.Name;
    }
}
