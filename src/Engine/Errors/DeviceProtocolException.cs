namespace Hyperion.Engine.Errors;

/// <summary>A message's object lacks the protocol its command needs (bluesky's <c>check_supports</c> TypeError).</summary>
public sealed class DeviceProtocolException : RunEngineException
{
    /// <summary>Creates the error naming the command, the object and the missing protocol.</summary>
    public DeviceProtocolException(string command, object? obj, Type protocol)
        : base($"Msg('{command}') needs an object implementing {protocol?.Name}, but got {Describe(obj)}.")
    {
        ArgumentNullException.ThrowIfNull(protocol);
        Command = command;
        Obj = obj;
        Protocol = protocol;
    }

    /// <summary>The command.</summary>
    public string Command { get; }

    /// <summary>The object that lacked the protocol.</summary>
    public object? Obj { get; }

    /// <summary>The missing protocol interface.</summary>
    public Type Protocol { get; }

    private static string Describe(object? obj) => obj switch
    {
        null => "no object (null)",
        Protocols.IHasName named => $"'{named.Name}' ({obj.GetType().Name})",
        _ => obj.GetType().Name,
    };
}
