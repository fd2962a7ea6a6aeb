using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Tests.Callbacks.Broker;

/// <summary>One run with a document of every event-model kind, filled in as the RunEngine and Hyperion's plans fill them.</summary>
internal static class EveryDocumentKind
{
    public static List<(DocumentName Name, Document Document)> Run()
    {
        var run = Guid.NewGuid().ToString();
        var descriptor = Guid.NewGuid().ToString();
        return
        [
            (DocumentName.Start, new RunStart
            {
                Uid = run,
                Time = 1700000000.25,
                Metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["plan_name"] = "rotation_scan",
                    ["subplan_name"] = "rotation_scan_main",
                    ["scan_points"] = new List<object?> { 1.5, 2, "three" },
                    ["mx_bluesky_parameters"] = "{\"sample_id\": 12345, \"omega_start_deg\": 0.0}",
                    ["activate_callbacks"] = new List<object?> { "RotationNexusFileCallback", "RotationISPyBCallback" },
                    ["nested"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["a"] = 1, ["b"] = null, ["c"] = true },
                },
            }),
            (DocumentName.Descriptor, new EventDescriptor
            {
                Uid = descriptor,
                Time = 1700000001,
                RunStartUid = run,
                Name = "ispyb_reading_hardware",
                DataKeys = new Dictionary<string, DataKey>(StringComparer.Ordinal)
                {
                    ["smargon-omega"] = new DataKey { Dtype = "number", Shape = [], Source = "ca://BL03S-MO-SGON-01:OMEGA.RBV", Units = "deg", Precision = 3 },
                },
                ObjectKeys = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["smargon"] = ["smargon-omega"] },
            }),
            (DocumentName.Event, new Event
            {
                Uid = Guid.NewGuid().ToString(),
                Time = 1700000002,
                Descriptor = descriptor,
                SeqNum = 1,
                Data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["smargon-omega"] = 12.5, ["eiger-file_name"] = "thau_1", ["flag"] = false },
                Timestamps = new Dictionary<string, double>(StringComparer.Ordinal) { ["smargon-omega"] = 1700000002, ["eiger-file_name"] = 1700000002, ["flag"] = 1700000002 },
            }),
            (DocumentName.EventPage, new EventPage
            {
                Uid = [Guid.NewGuid().ToString(), Guid.NewGuid().ToString()],
                Time = [1700000003, 1700000004],
                Descriptor = descriptor,
                SeqNum = [2, 3],
                Data = new Dictionary<string, List<object?>>(StringComparer.Ordinal) { ["smargon-omega"] = [13.0, 13.5] },
                Timestamps = new Dictionary<string, List<double>>(StringComparer.Ordinal) { ["smargon-omega"] = [1700000003, 1700000004] },
            }),
            (DocumentName.Resource, new Resource { Uid = "resource-1", Spec = "AD_HDF5", Root = "/dls", ResourcePath = "i03/data/thau_1_000001.h5" }),
            (DocumentName.Datum, new Datum { DatumId = "resource-1/0", Resource = "resource-1" }),
            (DocumentName.DatumPage, new DatumPage { DatumId = ["resource-1/1", "resource-1/2"], Resource = "resource-1" }),
            (DocumentName.StreamResource, new StreamResource { Uid = "stream-1", DataKey = "eiger", Mimetype = "application/x-hdf5", Uri = "file://localhost/dls/i03/data/thau_1.h5" }),
            (DocumentName.StreamDatum, new StreamDatum { Uid = "stream-1/0", StreamResource = "stream-1", Descriptor = descriptor, SeqNums = new StreamRange(1, 3), Indices = new StreamRange(0, 2) }),
            (DocumentName.Stop, new RunStop { Uid = Guid.NewGuid().ToString(), Time = 1700000005, RunStartUid = run, ExitStatus = "success", Reason = string.Empty }),
        ];
    }
}
