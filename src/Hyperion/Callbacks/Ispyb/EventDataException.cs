namespace Hyperion.Cli.Callbacks.Ispyb;

/// <summary>An event lacks a reading a callback needs; names the event stream, the event and the data key.</summary>
public sealed class EventDataException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="descriptorName">The event stream's (descriptor's) name.</param>
    /// <param name="eventUid">The event's uid.</param>
    /// <param name="key">The missing or unreadable data key.</param>
    public EventDataException(string descriptorName, string eventUid, string key)
        : base($"Event {eventUid} of '{descriptorName}' has no readable '{key}'")
    {
        DescriptorName = descriptorName;
        EventUid = eventUid;
        Key = key;
    }

    /// <summary>The event stream's name.</summary>
    public string DescriptorName { get; }

    /// <summary>The event's uid.</summary>
    public string EventUid { get; }

    /// <summary>The data key.</summary>
    public string Key { get; }
}
