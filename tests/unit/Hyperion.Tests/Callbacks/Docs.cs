using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Tests.Callbacks;

/// <summary>Builds documents by hand and feeds them to a callback, as the RunEngine would.</summary>
internal sealed class Docs(Hyperion.Engine.Callbacks.DocumentCallback callback)
{
    private readonly Dictionary<string, string> _descriptors = new(StringComparer.Ordinal);
    private int _seq;

    public string Start(Dictionary<string, object?> metadata)
    {
        var uid = Guid.NewGuid().ToString();
        callback(DocumentName.Start, new RunStart { Uid = uid, Time = 1, Metadata = new Dictionary<string, object?>(metadata, StringComparer.Ordinal) });
        return uid;
    }

    public void Event(string runUid, string streamName, Dictionary<string, object?> data)
    {
        var key = runUid + "/" + streamName;
        if (!_descriptors.TryGetValue(key, out var descriptor))
        {
            descriptor = Guid.NewGuid().ToString();
            _descriptors[key] = descriptor;
            callback(DocumentName.Descriptor, new EventDescriptor { Uid = descriptor, Time = 1, RunStartUid = runUid, Name = streamName });
        }

        callback(DocumentName.Event, new Event
        {
            Uid = Guid.NewGuid().ToString(),
            Time = 1,
            Descriptor = descriptor,
            SeqNum = ++_seq,
            Data = data,
            Timestamps = data.Keys.ToDictionary(k => k, _ => 1.0, StringComparer.Ordinal),
        });
    }

    public void Stop(string runUid, string exitStatus = "success", string reason = "") =>
        callback(DocumentName.Stop, new RunStop { Uid = Guid.NewGuid().ToString(), Time = 2, RunStartUid = runUid, ExitStatus = exitStatus, Reason = reason });
}
