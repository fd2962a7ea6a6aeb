using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Composition;
using Hyperion.Engine.Planning;
using Microsoft.Extensions.Logging;

namespace Hyperion.Engine.Running;

/// <summary>How a <see cref="RunEngine"/> is set up.</summary>
public sealed class RunEngineOptions
{
    /// <summary>Persistent metadata merged into every RunStart (lowest precedence); e.g. a <c>PersistentMetadata</c> store.</summary>
    public IDictionary<string, object?>? Metadata { get; init; }

    /// <summary>The clock for sleeps, timeouts and document times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Makes document uids; defaults to random UUID4 strings. Tests pass a seeded source.</summary>
    public Func<string>? UidSource { get; init; }

    /// <summary>Wrappers applied to every plan before it runs (bluesky's <c>RE.preprocessors</c>).</summary>
    public IList<Func<Plan, Plan>> Preprocessors { get; init; } = [];

    /// <summary>Check event-model's rules on every document (keys match the descriptor, one RunStop...). Off saves the checks on the hot path.</summary>
    public bool ValidateDocuments { get; init; } = true;

    /// <summary>Record pauses, resumes and suspensions as events in an "interruptions" stream.</summary>
    public bool RecordInterruptions { get; init; }

    /// <summary>Every stream must be declared with 'declare_stream' before 'create' uses it.</summary>
    public bool RequireStreamDeclaration { get; init; }

    /// <summary>What to do when a document callback throws.</summary>
    public CallbackExceptionPolicy CallbackExceptionPolicy { get; init; } = CallbackExceptionPolicy.Raise;

    /// <summary>Computes the next scan id from the persistent metadata; default <c>md.scan_id + 1</c>.</summary>
    public Func<IDictionary<string, object?>, CancellationToken, ValueTask<long>>? ScanIdSource { get; init; }

    /// <summary>Validates the final metadata of each run; throws to refuse it. Default: bluesky's checks plus event-model's key rule.</summary>
    public Action<IReadOnlyDictionary<string, object?>>? MetadataValidator { get; init; }

    /// <summary>Transforms the final metadata (after validation); default: none.</summary>
    public Func<Dictionary<string, object?>, Dictionary<string, object?>>? MetadataNormalizer { get; init; }

    /// <summary>Answers 'input' messages: given the prompt, returns the user's line.</summary>
    public Func<string, CancellationToken, ValueTask<string?>>? InputProvider { get; init; }

    /// <summary>How long final cleanup waits for each device's stop or unstage.</summary>
    public TimeSpan CleanupTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where the RunEngine logs.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    internal DocumentClock CreateClock() => new(TimeProvider, UidSource);
}
