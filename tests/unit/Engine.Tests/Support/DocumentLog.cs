namespace Hyperion.Engine.Tests.Support;

/// <summary>Collects documents in order (thread-safe) for assertions.</summary>
public sealed class DocumentLog
{
    private readonly Lock _gate = new();
    private readonly List<(DocumentName Name, Document Doc)> _docs = [];

    public void Add(DocumentName name, Document doc)
    {
        lock (_gate)
        {
            _docs.Add((name, doc));
        }
    }

    public IReadOnlyList<(DocumentName Name, Document Doc)> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _docs];
            }
        }
    }

    public IReadOnlyList<DocumentName> Names => All.Select(d => d.Name).ToList();

    public IReadOnlyList<T> Of<T>()
        where T : Document => All.Select(d => d.Doc).OfType<T>().ToList();
}
