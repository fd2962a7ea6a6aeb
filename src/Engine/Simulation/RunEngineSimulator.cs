using System.Runtime.ExceptionServices;
using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Errors;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Simulation;

/// <summary>
/// Runs a plan without a RunEngine or hardware, recording every message it yields (bluesky's
/// <c>RunEngineSimulator</c>). Each message is answered by the most recently added handler that matches
/// it, or with null. A handler that throws has its exception thrown into the plan at the <c>await</c>,
/// as the RunEngine would; an exception the plan does not handle propagates out of
/// <see cref="SimulatePlan"/> unchanged.
/// </summary>
/// <remarks>
/// 'subscribe' and 'unsubscribe' are answered by default (after any handler added for them): the plan's
/// callbacks are recorded, and <see cref="FireCallback"/> calls them, so a test can feed documents to a
/// plan's own callbacks at the point the RunEngine would emit them.
/// </remarks>
public sealed class RunEngineSimulator
{
    /// <summary>The group that <see cref="AddWaitHandler"/> uses to match a 'wait' on any group.</summary>
    public const string GroupAny = "any";

    private readonly List<MessageHandler> _handlers = [];
    private readonly SortedDictionary<int, Subscription> _subscriptions = [];
    private readonly TimeProvider _time;
    private int _nextToken;

    /// <summary>Creates a simulator; <paramref name="time"/> stamps the readings that read handlers build.</summary>
    public RunEngineSimulator(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>The value the last simulated plan returned (null if it returned nothing or failed).</summary>
    public object? ReturnValue { get; private set; }

    /// <summary>The added handlers, the one consulted first at the front.</summary>
    public IReadOnlyList<MessageHandler> Handlers => _handlers;

    /// <summary>The most messages one simulation may record before it is abandoned as a runaway loop.</summary>
    public int MaxMessages { get; set; } = 1_000_000;

    /// <summary>
    /// Adds a handler that takes precedence over those added before it, or with
    /// <paramref name="lowestPrecedence"/> one consulted after all of them (bluesky's <c>index=END</c>).
    /// </summary>
    public void AddHandler(MessageHandler handler, bool lowestPrecedence = false)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (lowestPrecedence)
        {
            _handlers.Add(handler);
        }
        else
        {
            _handlers.Insert(0, handler);
        }
    }

    /// <summary>Answers <paramref name="command"/> (on the object named <paramref name="objName"/>, if given) with the handler's result.</summary>
    public void AddHandler(string command, Func<Msg, object?> handler, string? objName = null) =>
        AddHandler([command], handler, objName);

    /// <summary>Answers any of <paramref name="commands"/> (on the object named <paramref name="objName"/>, if given) with the handler's result.</summary>
    public void AddHandler(IEnumerable<string> commands, Func<Msg, object?> handler, string? objName = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddHandler(MessageHandler.For(commands, handler, objName));
    }

    /// <summary>Answers any of <paramref name="commands"/> whose messages satisfy <paramref name="filter"/> with the handler's result.</summary>
    public void AddHandler(IEnumerable<string> commands, Func<Msg, object?> handler, Func<Msg, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddHandler(MessageHandler.For(commands, handler, filter));
    }

    /// <summary>Runs <paramref name="handler"/> on <paramref name="command"/> (on the object named <paramref name="objName"/>, if given) and answers null.</summary>
    public void AddHandler(string command, Action<Msg> handler, string? objName = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddHandler([command], msg =>
        {
            handler(msg);
            return null;
        }, objName);
    }

    /// <summary>
    /// Answers 'read' of <paramref name="obj"/> with a one-key reading, keyed by the object's name
    /// (bluesky's <c>add_read_handler_for</c>). A <see cref="Reading"/> is used as given; any other value is
    /// stamped with the simulator's clock.
    /// </summary>
    public void AddReadHandlerFor(IReadable obj, object? value)
    {
        ArgumentNullException.ThrowIfNull(obj);
        AddReadHandlerForMultiple(obj, new Dictionary<string, object?>(StringComparer.Ordinal) { [obj.Name] = value });
    }

    /// <summary>
    /// Answers 'read' of <paramref name="obj"/> with a reading of every key in <paramref name="values"/>
    /// (bluesky's <c>add_read_handler_for_multiple</c>). A <see cref="Reading"/> is used as given; any other
    /// value is stamped with the simulator's clock at the time of the read.
    /// </summary>
    public void AddReadHandlerForMultiple(IReadable obj, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(values);
        var copy = values.ToList();
        AddHandler(Commands.Read, _ =>
        {
            var now = SimClock.Now(_time);
            var reading = new Dictionary<string, Reading>(copy.Count, StringComparer.Ordinal);
            foreach (var (key, value) in copy)
            {
                reading[key] = value is Reading given ? given : new Reading(value, now);
            }

            return reading;
        }, obj.Name);
    }

    /// <inheritdoc cref="AddReadHandlerForMultiple(IReadable, IReadOnlyDictionary{string, object?})"/>
    public void AddReadHandlerForMultiple(IReadable obj, params (string Key, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        AddReadHandlerForMultiple(obj, values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal));
    }

    /// <summary>
    /// Answers 'locate' of <paramref name="obj"/> with a <see cref="Location"/>, so that <c>Stubs.Rd</c> and
    /// <c>Stubs.Locate</c> of a movable see <paramref name="readback"/> (the setpoint defaults to it).
    /// </summary>
    public void AddLocateHandlerFor(ILocatable obj, object? readback, object? setpoint = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var name = (obj as IHasName)?.Name
            ?? throw new ArgumentException($"A locate handler matches objects by name, but {obj.GetType().Name} has none (it is not IHasName).", nameof(obj));
        var location = new Location(setpoint ?? readback, readback);
        AddHandler(Commands.Locate, _ => location, name);
    }

    /// <summary>
    /// Runs <paramref name="handler"/> when the plan waits on <paramref name="group"/> (on any group when it is
    /// null or <see cref="GroupAny"/>): the place to simulate what finishing the group's statuses changes.
    /// </summary>
    public void AddWaitHandler(Action<Msg> handler, object? group = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        group ??= GroupAny;
        AddHandler(
            [Commands.Wait],
            msg =>
            {
                handler(msg);
                return null;
            },
            msg => Equals(group, GroupAny) || Equals(WaitGroup(msg), group));
    }

    /// <summary>
    /// On each <paramref name="command"/> message (that satisfies <paramref name="filter"/>, if given), fires
    /// <paramref name="document"/> to the plan's subscribed callbacks (bluesky's <c>add_callback_handler_for</c>).
    /// </summary>
    public void AddCallbackHandlerFor(string command, DocumentName name, Document document, Func<Msg, bool>? filter = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        AddHandler([command], _ =>
        {
            FireCallback(name, document);
            return null;
        }, filter ?? (static _ => true));
    }

    /// <summary>
    /// On the n-th matching <paramref name="command"/> message, fires the n-th batch of <paramref name="batches"/>
    /// in order to the plan's subscribed callbacks (bluesky's <c>add_callback_handler_for_multiple</c>).
    /// A matching message after the last batch is an error thrown into the plan.
    /// </summary>
    public void AddCallbackHandlerForMultiple(
        string command,
        IEnumerable<IEnumerable<(DocumentName Name, Document Document)>> batches,
        Func<Msg, bool>? filter = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var queue = new Queue<List<(DocumentName Name, Document Document)>>(batches.Select(b => b.ToList()));
        var total = queue.Count;
        AddHandler([command], msg =>
        {
            if (!queue.TryDequeue(out var batch))
            {
                throw new InvalidOperationException(
                    $"The callback handler for '{command}' has already fired all {total} of its document batches; {msg} matched it again.");
            }

            foreach (var (name, document) in batch)
            {
                FireCallback(name, document);
            }

            return null;
        }, filter ?? (static _ => true));
    }

    /// <summary>
    /// Calls every callback the plan subscribed (with 'subscribe') to documents of kind <paramref name="name"/>
    /// or to all documents, in subscription order, as if the RunEngine had emitted <paramref name="document"/>.
    /// </summary>
    public void FireCallback(DocumentName name, Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var subscription in _subscriptions.Values.ToList())
        {
            if (subscription.Name is null || subscription.Name == name)
            {
                subscription.Callback(name, document);
            }
        }
    }

    /// <summary>
    /// Drives <paramref name="plan"/> to its end, answering each message with the first matching handler's
    /// response (null when none matches), and returns every message it yielded. The plan's return value is
    /// then in <see cref="ReturnValue"/>; its unhandled exception propagates unchanged.
    /// </summary>
    public IReadOnlyList<Msg> SimulatePlan(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ReturnValue = null;
        var messages = new List<Msg>();
        var step = plan.Advance(null, null);
        while (step.Kind == PlanStepKind.Yielded)
        {
            var msg = step.Message!;
            messages.Add(msg);
            if (messages.Count > MaxMessages)
            {
                throw new InvalidOperationException(
                    $"Plan '{plan.Name}' yielded more than {MaxMessages} messages under the simulator; it is probably looping on a " +
                    $"response the simulator does not give (the last was {msg}). Add a handler for it, or raise MaxMessages.");
            }

            object? response = null;
            Exception? error = null;
            try
            {
                response = Respond(msg);
            }
            catch (Exception ex)
            {
                // Whatever a handler throws belongs to the plan: the RunEngine throws a command's failure into it too.
                error = ex;
            }

            step = plan.Advance(response, error);
        }

        if (step.Kind == PlanStepKind.Faulted)
        {
            ExceptionDispatchInfo.Throw(step.Error!);
        }

        ReturnValue = plan.ReturnValue;
        return messages;
    }

    private object? Respond(Msg msg)
    {
        foreach (var handler in _handlers)
        {
            if (handler.Matches(msg))
            {
                return handler.Respond(msg);
            }
        }

        return msg.Command switch
        {
            Commands.Subscribe => Subscribe(msg),
            Commands.Unsubscribe => Unsubscribe(msg),
            _ => null,
        };
    }

    private int Subscribe(Msg msg)
    {
        var callback = (msg.Args.Count > 0 ? msg.Args[0] : msg.Kwargs.GetValueOrDefault("func")) as DocumentCallback
            ?? throw new ArgumentException($"Msg('subscribe') needs a DocumentCallback as its first argument; got {msg}.");
        DocumentName? name = (msg.Args.Count > 1 ? msg.Args[1] : msg.Kwargs.GetValueOrDefault("name")) switch
        {
            null or "all" => null,
            DocumentName n => n,
            string s => DocumentNames.Parse(s),
            var other => throw new ArgumentException($"Msg('subscribe') document name must be a DocumentName, a document's wire name or \"all\"; got {Msg.Describe(other)}."),
        };
        var token = _nextToken++;
        _subscriptions[token] = new Subscription(callback, name);
        return token;
    }

    private object? Unsubscribe(Msg msg)
    {
        var token = (msg.Kwargs.TryGetValue("token", out var t) ? t : msg.Args.Count > 0 ? msg.Args[0] : null) as int?
            ?? throw new ArgumentException($"Msg('unsubscribe') needs the token that 'subscribe' returned; got {msg}.");
        if (!_subscriptions.Remove(token))
        {
            throw new KeyNotFoundException($"Token {token} was not returned by a 'subscribe' message in this simulation.");
        }

        return null;
    }

    private static object? WaitGroup(Msg msg) => msg.Args.Count > 0 ? msg.Args[0] : msg.Kwargs.GetValueOrDefault("group");

    private readonly record struct Subscription(DocumentCallback Callback, DocumentName? Name);
}
