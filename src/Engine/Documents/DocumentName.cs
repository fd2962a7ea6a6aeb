namespace Hyperion.Engine.Documents;

/// <summary>The kinds of event-model document.</summary>
public enum DocumentName
{
    /// <summary>RunStart ("start").</summary>
    Start,
    /// <summary>EventDescriptor ("descriptor").</summary>
    Descriptor,
    /// <summary>Event ("event").</summary>
    Event,
    /// <summary>EventPage ("event_page").</summary>
    EventPage,
    /// <summary>RunStop ("stop").</summary>
    Stop,
    /// <summary>Resource ("resource").</summary>
    Resource,
    /// <summary>Datum ("datum").</summary>
    Datum,
    /// <summary>DatumPage ("datum_page").</summary>
    DatumPage,
    /// <summary>StreamResource ("stream_resource").</summary>
    StreamResource,
    /// <summary>StreamDatum ("stream_datum").</summary>
    StreamDatum,
}
