using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Logging;

/// <summary>
/// Tags log lines with the outermost run's uid while it is open (mx-bluesky's LogUidTaggingCallback): set at its
/// start, cleared at its stop; inner runs leave the tag alone.
/// </summary>
public sealed class LogUidTagging(LogContext context)
{
    /// <summary>The callback to subscribe to the RunEngine.</summary>
    public DocumentCallback Callback => Handle;

    private void Handle(DocumentName name, Document document)
    {
        switch (document)
        {
            case RunStart start when context.RunUid is null:
                context.RunUid = start.Uid;
                break;
            case RunStop stop when string.Equals(stop.RunStartUid, context.RunUid, StringComparison.Ordinal):
                context.RunUid = null;
                context.DataCollectionGroupId = null;
                break;
        }
    }
}
