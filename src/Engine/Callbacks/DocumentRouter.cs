using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Callbacks;

/// <summary>
/// Base for callbacks that handle each kind of document in its own method (event-model's DocumentRouter).
/// Subscribe with <c>engine.Subscribe(router.Invoke)</c>.
/// </summary>
public abstract class DocumentRouter
{
    /// <summary>Routes a document to the method for its kind.</summary>
    public void Invoke(DocumentName name, Document document)
    {
        switch (document)
        {
            case RunStart start: Start(start); break;
            case EventDescriptor descriptor: Descriptor(descriptor); break;
            case Event ev: Event(ev); break;
            case EventPage page: EventPage(page); break;
            case RunStop stop: Stop(stop); break;
            case Resource resource: Resource(resource); break;
            case Datum datum: Datum(datum); break;
            case DatumPage datumPage: DatumPage(datumPage); break;
            case StreamResource streamResource: StreamResource(streamResource); break;
            case StreamDatum streamDatum: StreamDatum(streamDatum); break;
            default: throw new ArgumentException($"Unknown document type {document?.GetType().Name} for '{name.ToWireName()}'.", nameof(document));
        }
    }

    /// <summary>Handles a RunStart.</summary>
    protected virtual void Start(RunStart doc)
    {
    }

    /// <summary>Handles an EventDescriptor.</summary>
    protected virtual void Descriptor(EventDescriptor doc)
    {
    }

    /// <summary>Handles an Event.</summary>
    protected virtual void Event(Event doc)
    {
    }

    /// <summary>Handles an EventPage; by default unpacks it into events.</summary>
    protected virtual void EventPage(EventPage doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        foreach (var ev in EventPages.Unpack(doc))
        {
            Event(ev);
        }
    }

    /// <summary>Handles a RunStop.</summary>
    protected virtual void Stop(RunStop doc)
    {
    }

    /// <summary>Handles a Resource.</summary>
    protected virtual void Resource(Resource doc)
    {
    }

    /// <summary>Handles a Datum.</summary>
    protected virtual void Datum(Datum doc)
    {
    }

    /// <summary>Handles a DatumPage.</summary>
    protected virtual void DatumPage(DatumPage doc)
    {
    }

    /// <summary>Handles a StreamResource.</summary>
    protected virtual void StreamResource(StreamResource doc)
    {
    }

    /// <summary>Handles a StreamDatum.</summary>
    protected virtual void StreamDatum(StreamDatum doc)
    {
    }
}
