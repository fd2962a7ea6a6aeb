using Hyperion.Engine.Serialization;

namespace Hyperion.Engine.Tests.Serialization;

public class DocumentJsonTests
{
    public static TheoryData<Document> Documents => new()
    {
        new RunStart { Uid = "r1", Time = 1 },
        new EventDescriptor { Uid = "d1", Time = 1, RunStartUid = "r1", Name = "primary" },
        new Event { Uid = "e1", Time = 1, Descriptor = "d1", SeqNum = 1, Data = [], Timestamps = [] },
        new EventPage { Uid = ["e1"], Time = [1], Descriptor = "d1", SeqNum = [1], Data = [], Timestamps = [] },
        new RunStop { Uid = "s1", Time = 1, RunStartUid = "r1", ExitStatus = "success" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Serialized_documents_hold_only_event_model_fields(Document document)
    {
        var json = DocumentJson.Serialize(document);
        Assert.DoesNotContain("Kind", json, StringComparison.Ordinal);
        Assert.Contains("\"uid\":", json, StringComparison.Ordinal);
    }
}
