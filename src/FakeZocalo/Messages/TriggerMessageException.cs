namespace Hyperion.FakeZocalo.Messages;

/// <summary>A trigger message that cannot be processed: which field, what is wrong with it, and the message itself.</summary>
public sealed class TriggerMessageException : Exception
{
    /// <summary>Creates the error for the field at <paramref name="path"/>.</summary>
    public TriggerMessageException(string path, string reason, string body)
        : base($"Bad trigger message at {path}: {reason}. Message: {Truncate(body)}")
    {
        Path = path;
        Reason = reason;
        Body = body;
    }

    /// <summary>The JSON path of the offending field (<c>$.parameters.ispyb_dcid</c>), or a header name.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }

    /// <summary>The message body as received.</summary>
    public string Body { get; }

    private static string Truncate(string body) => body.Length <= 500 ? body : body[..500] + "…";
}
