using Hyperion.Engine.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Engine.Callbacks;

/// <summary>
/// Dispatches documents to subscribed callbacks. Subscribing returns an integer token for unsubscribing;
/// a callback subscribes to one document kind or to all of them. Dispatch reads copy-on-write arrays, so
/// it takes no lock and allocates nothing.
/// </summary>
public sealed class Dispatcher
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, (DocumentCallback Callback, DocumentName? Name)> _subscriptions = [];
    private readonly ILogger _log;
    private DocumentCallback[][] _byName;
    private int _nextToken;

    /// <summary>Creates a dispatcher.</summary>
    public Dispatcher(ILogger? log = null)
    {
        _log = log ?? NullLogger.Instance;
        _byName = new DocumentCallback[DocumentNames.All.Count][];
        for (var i = 0; i < _byName.Length; i++)
        {
            _byName[i] = [];
        }
    }

    /// <summary>What to do when a callback throws.</summary>
    public CallbackExceptionPolicy ExceptionPolicy { get; set; } = CallbackExceptionPolicy.Raise;

    /// <summary>The number of subscriptions.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    /// <summary>Subscribes <paramref name="callback"/> to documents of kind <paramref name="name"/>, or to all when null.</summary>
    public int Subscribe(DocumentCallback callback, DocumentName? name = null)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            var token = _nextToken++;
            _subscriptions[token] = (callback, name);
            Rebuild();
            return token;
        }
    }

    /// <summary>Removes a subscription; unknown tokens are ignored, as in bluesky.</summary>
    public void Unsubscribe(int token)
    {
        lock (_gate)
        {
            if (_subscriptions.Remove(token))
            {
                Rebuild();
            }
        }
    }

    /// <summary>Removes every subscription.</summary>
    public void UnsubscribeAll()
    {
        lock (_gate)
        {
            _subscriptions.Clear();
            Rebuild();
        }
    }

    /// <summary>Sends <paramref name="document"/> to every callback subscribed to its kind, in subscription order.</summary>
    public void Process(DocumentName name, Document document)
    {
        var callbacks = Volatile.Read(ref _byName)[(int)name];
        for (var i = 0; i < callbacks.Length; i++)
        {
            try
            {
                callbacks[i](name, document);
            }
            catch (Exception ex) when (ExceptionPolicy == CallbackExceptionPolicy.LogAndContinue)
            {
                Running.EngineLog.CallbackFailed(_log, ex, Describe(callbacks[i]), name.ToWireName());
            }
            catch (Exception ex) when (ex is not CallbackFailedException)
            {
                throw new CallbackFailedException(Describe(callbacks[i]), name, ex);
            }
        }
    }

    private static string Describe(DocumentCallback callback) =>
        callback.Target is { } target ? $"{target.GetType().Name}.{callback.Method.Name}" : callback.Method.Name;

    private void Rebuild()
    {
        var byName = new DocumentCallback[DocumentNames.All.Count][];
        for (var i = 0; i < byName.Length; i++)
        {
            var kind = (DocumentName)i;
            byName[i] = _subscriptions.OrderBy(p => p.Key)
                .Where(p => p.Value.Name is null || p.Value.Name == kind)
                .Select(p => p.Value.Callback)
                .ToArray();
        }

        Volatile.Write(ref _byName, byName);
    }
}
