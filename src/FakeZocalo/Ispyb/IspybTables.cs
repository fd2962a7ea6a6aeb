using System.Text;
using Hyperion.FakeZocalo.Centring;
using Microsoft.Data.Sqlite;

namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>
/// The SQLite schema: the ISPyB tables Hyperion writes, with ISPyB's table and column names and its enum values
/// as CHECK constraints, and the mapping between rows and columns. Columns Hyperion never writes are left out.
/// </summary>
internal static class IspybTables
{
    public static IReadOnlyList<IspybColumn<DataCollectionGroupRow>> DataCollectionGroupColumns { get; } =
    [
        new("experimentType", "TEXT", r => r.ExperimentType),
        new("blSampleId", "INTEGER", r => r.BlSampleId),
        new("comments", "TEXT", r => r.Comments),
        new("startTime", "TEXT", r => r.StartTime),
        new("endTime", "TEXT", r => r.EndTime),
        new("actualSampleBarcode", "TEXT", r => r.ActualSampleBarcode),
        new("xtalSnapshotFullPath", "TEXT", r => r.XtalSnapshotFullPath),
    ];

    /// <summary>The data columns of <c>DataCollection</c> (all but the two ids), in schema order.</summary>
    public static IReadOnlyList<IspybColumn<DataCollectionRow>> DataCollectionColumns { get; } =
    [
        new("BLSAMPLEID", "INTEGER", r => r.BlSampleId),
        new("SESSIONID", "INTEGER", r => r.SessionId),
        new("dataCollectionNumber", "INTEGER", r => r.DataCollectionNumber),
        new("startTime", "TEXT", r => r.StartTime),
        new("endTime", "TEXT", r => r.EndTime),
        new("runStatus", "TEXT", r => r.RunStatus),
        new("axisStart", "REAL", r => r.AxisStart),
        new("axisEnd", "REAL", r => r.AxisEnd),
        new("axisRange", "REAL", r => r.AxisRange),
        new("overlap", "REAL", r => r.Overlap),
        new("numberOfImages", "INTEGER", r => r.NumberOfImages),
        new("startImageNumber", "INTEGER", r => r.StartImageNumber),
        new("numberOfPasses", "INTEGER", r => r.NumberOfPasses),
        new("exposureTime", "REAL", r => r.ExposureTime),
        new("imageDirectory", "TEXT", r => r.ImageDirectory),
        new("imagePrefix", "TEXT", r => r.ImagePrefix),
        new("imageSuffix", "TEXT", r => r.ImageSuffix),
        new("fileTemplate", "TEXT", r => r.FileTemplate),
        new("wavelength", "REAL", r => r.Wavelength),
        new("resolution", "REAL", r => r.Resolution),
        new("detectorDistance", "REAL", r => r.DetectorDistance),
        new("xBeam", "REAL", r => r.XBeam),
        new("yBeam", "REAL", r => r.YBeam),
        new("comments", "TEXT", r => r.Comments),
        new("slitGapVertical", "REAL", r => r.SlitGapVertical),
        new("slitGapHorizontal", "REAL", r => r.SlitGapHorizontal),
        new("transmission", "REAL", r => r.Transmission),
        new("synchrotronMode", "TEXT", r => r.SynchrotronMode),
        new("xtalSnapshotFullPath1", "TEXT", r => r.XtalSnapshotFullPath1),
        new("xtalSnapshotFullPath2", "TEXT", r => r.XtalSnapshotFullPath2),
        new("xtalSnapshotFullPath3", "TEXT", r => r.XtalSnapshotFullPath3),
        new("xtalSnapshotFullPath4", "TEXT", r => r.XtalSnapshotFullPath4),
        new("rotationAxis", "TEXT", r => r.RotationAxis),
        new("phiStart", "REAL", r => r.PhiStart),
        new("kappaStart", "REAL", r => r.KappaStart),
        new("omegaStart", "REAL", r => r.OmegaStart),
        new("chiStart", "REAL", r => r.ChiStart),
        new("DETECTORMODE", "TEXT", r => r.DetectorMode),
        new("undulatorGap1", "REAL", r => r.UndulatorGap1),
        new("beamSizeAtSampleX", "REAL", r => r.BeamSizeAtSampleX),
        new("beamSizeAtSampleY", "REAL", r => r.BeamSizeAtSampleY),
        new("flux", "REAL", r => r.Flux),
        new("detectorId", "INTEGER", r => r.DetectorId),
        new("POSITIONID", "INTEGER", r => r.PositionId),
    ];

    public static DataCollectionRow ReadDataCollection(SqliteDataReader r) => new()
    {
        DataCollectionId = r.Long("dataCollectionId"),
        DataCollectionGroupId = r.Long("dataCollectionGroupId"),
        BlSampleId = r.NLong("BLSAMPLEID"),
        SessionId = r.NLong("SESSIONID"),
        DataCollectionNumber = r.NInt("dataCollectionNumber"),
        StartTime = r.NTime("startTime"),
        EndTime = r.NTime("endTime"),
        RunStatus = r.NString("runStatus"),
        AxisStart = r.NDouble("axisStart"),
        AxisEnd = r.NDouble("axisEnd"),
        AxisRange = r.NDouble("axisRange"),
        Overlap = r.NDouble("overlap"),
        NumberOfImages = r.NInt("numberOfImages"),
        StartImageNumber = r.NInt("startImageNumber"),
        NumberOfPasses = r.NInt("numberOfPasses"),
        ExposureTime = r.NDouble("exposureTime"),
        ImageDirectory = r.NString("imageDirectory"),
        ImagePrefix = r.NString("imagePrefix"),
        ImageSuffix = r.NString("imageSuffix"),
        FileTemplate = r.NString("fileTemplate"),
        Wavelength = r.NDouble("wavelength"),
        Resolution = r.NDouble("resolution"),
        DetectorDistance = r.NDouble("detectorDistance"),
        XBeam = r.NDouble("xBeam"),
        YBeam = r.NDouble("yBeam"),
        Comments = r.NString("comments"),
        SlitGapVertical = r.NDouble("slitGapVertical"),
        SlitGapHorizontal = r.NDouble("slitGapHorizontal"),
        Transmission = r.NDouble("transmission"),
        SynchrotronMode = r.NString("synchrotronMode"),
        XtalSnapshotFullPath1 = r.NString("xtalSnapshotFullPath1"),
        XtalSnapshotFullPath2 = r.NString("xtalSnapshotFullPath2"),
        XtalSnapshotFullPath3 = r.NString("xtalSnapshotFullPath3"),
        XtalSnapshotFullPath4 = r.NString("xtalSnapshotFullPath4"),
        RotationAxis = r.NString("rotationAxis"),
        PhiStart = r.NDouble("phiStart"),
        KappaStart = r.NDouble("kappaStart"),
        OmegaStart = r.NDouble("omegaStart"),
        ChiStart = r.NDouble("chiStart"),
        DetectorMode = r.NString("DETECTORMODE"),
        UndulatorGap1 = r.NDouble("undulatorGap1"),
        BeamSizeAtSampleX = r.NDouble("beamSizeAtSampleX"),
        BeamSizeAtSampleY = r.NDouble("beamSizeAtSampleY"),
        Flux = r.NDouble("flux"),
        DetectorId = r.NLong("detectorId"),
        PositionId = r.NLong("POSITIONID"),
    };

    public static IReadOnlyList<IspybColumn<GridInfoRow>> GridInfoColumns { get; } =
    [
        new("dx_mm", "REAL", r => r.DxMm),
        new("dy_mm", "REAL", r => r.DyMm),
        new("steps_x", "INTEGER", r => r.StepsX),
        new("steps_y", "INTEGER", r => r.StepsY),
        new("orientation", "TEXT", r => r.Orientation),
        new("snapshot_offsetXPixel", "REAL", r => r.SnapshotOffsetXPixel),
        new("snapshot_offsetYPixel", "REAL", r => r.SnapshotOffsetYPixel),
        new("snaked", "INTEGER", r => r.Snaked),
        new("micronsPerPixelX", "REAL", r => r.MicronsPerPixelX),
        new("micronsPerPixelY", "REAL", r => r.MicronsPerPixelY),
    ];

    public static IReadOnlyList<IspybColumn<PositionRow>> PositionColumns { get; } =
    [
        new("posX", "REAL", r => r.PosX),
        new("posY", "REAL", r => r.PosY),
        new("posZ", "REAL", r => r.PosZ),
        new("scale", "REAL", r => r.Scale),
    ];

    /// <summary>The columns of <c>RobotAction</c> an update may change.</summary>
    public static IReadOnlyList<IspybColumn<RobotActionRow>> RobotActionUpdateColumns { get; } =
    [
        new("startTimestamp", "TEXT", r => r.StartTimestamp),
        new("endTimestamp", "TEXT", r => r.EndTimestamp),
        new("status", "TEXT", r => r.Status),
        new("message", "TEXT", r => r.Message),
        new("containerLocation", "INTEGER", r => r.ContainerLocation),
        new("dewarLocation", "INTEGER", r => r.DewarLocation),
        new("sampleBarcode", "TEXT", r => r.SampleBarcode),
        new("xtalSnapshotBefore", "TEXT", r => r.XtalSnapshotBefore),
        new("xtalSnapshotAfter", "TEXT", r => r.XtalSnapshotAfter),
    ];

    public static IReadOnlyList<IspybColumn<RobotActionRow>> RobotActionColumns { get; } =
    [
        new("blsessionId", "INTEGER NOT NULL", r => r.BlSessionId),
        new("blsampleId", "INTEGER", r => r.BlSampleId),
        new("actionType", "TEXT", r => r.ActionType),
        .. RobotActionUpdateColumns,
    ];

    public static IReadOnlyList<IspybColumn<BLSampleRow>> BLSampleColumns { get; } =
    [
        new("containerId", "INTEGER", r => r.ContainerId),
        new("name", "TEXT", r => r.Name),
        new("location", "TEXT", r => r.Location),
        new("subLocation", "INTEGER", r => r.SubLocation),
        new("loopType", "TEXT", r => r.LoopType),
        new("comments", "TEXT", r => r.Comments),
        new("blSampleStatus", "TEXT", r => r.BlSampleStatus),
    ];

    /// <summary>Creates every table that is not there yet.</summary>
    public static string CreateSql { get; } = BuildCreateSql();

    public static DataCollectionGroupRow ReadDataCollectionGroup(SqliteDataReader r) => new()
    {
        DataCollectionGroupId = r.Long("dataCollectionGroupId"),
        SessionId = r.Long("sessionId"),
        ExperimentType = r.NString("experimentType"),
        BlSampleId = r.NLong("blSampleId"),
        Comments = r.NString("comments"),
        StartTime = r.NTime("startTime"),
        EndTime = r.NTime("endTime"),
        ActualSampleBarcode = r.NString("actualSampleBarcode"),
        XtalSnapshotFullPath = r.NString("xtalSnapshotFullPath"),
    };

    public static GridInfoRow ReadGridInfo(SqliteDataReader r) => new()
    {
        GridInfoId = r.Long("gridInfoId"),
        DataCollectionId = r.Long("dataCollectionId"),
        DataCollectionGroupId = r.NLong("dataCollectionGroupId"),
        DxMm = r.NDouble("dx_mm"),
        DyMm = r.NDouble("dy_mm"),
        StepsX = r.NInt("steps_x"),
        StepsY = r.NInt("steps_y"),
        Orientation = r.NString("orientation") == "vertical" ? GridOrientation.Vertical : GridOrientation.Horizontal,
        SnapshotOffsetXPixel = r.NDouble("snapshot_offsetXPixel"),
        SnapshotOffsetYPixel = r.NDouble("snapshot_offsetYPixel"),
        Snaked = r.Bool("snaked"),
        MicronsPerPixelX = r.NDouble("micronsPerPixelX"),
        MicronsPerPixelY = r.NDouble("micronsPerPixelY"),
        RecordTimeStamp = r.NTime("recordTimeStamp"),
    };

    public static PositionRow ReadPosition(SqliteDataReader r) => new()
    {
        PositionId = r.Long("positionId"),
        PosX = r.NDouble("posX"),
        PosY = r.NDouble("posY"),
        PosZ = r.NDouble("posZ"),
        Scale = r.NDouble("scale"),
        RecordTimeStamp = r.NTime("recordTimeStamp"),
    };

    public static RobotActionRow ReadRobotAction(SqliteDataReader r) => new()
    {
        RobotActionId = r.Long("robotActionId"),
        BlSessionId = r.Long("blsessionId"),
        BlSampleId = r.NLong("blsampleId"),
        ActionType = r.NString("actionType"),
        StartTimestamp = r.NTime("startTimestamp"),
        EndTimestamp = r.NTime("endTimestamp"),
        Status = r.NString("status"),
        Message = r.NString("message"),
        ContainerLocation = r.NInt("containerLocation"),
        DewarLocation = r.NInt("dewarLocation"),
        SampleBarcode = r.NString("sampleBarcode"),
        XtalSnapshotBefore = r.NString("xtalSnapshotBefore"),
        XtalSnapshotAfter = r.NString("xtalSnapshotAfter"),
    };

    public static BLSampleRow ReadBLSample(SqliteDataReader r) => new()
    {
        BlSampleId = r.Long("blSampleId"),
        ContainerId = r.NLong("containerId"),
        Name = r.NString("name"),
        Location = r.NString("location"),
        SubLocation = r.NInt("subLocation"),
        LoopType = r.NString("loopType"),
        Comments = r.NString("comments"),
        BlSampleStatus = r.NString("blSampleStatus"),
    };

    public static BLSessionRow ReadSession(SqliteDataReader r) => new()
    {
        SessionId = r.Long("sessionId"),
        Visit = new IspybVisit(r.NString("proposalCode")!, r.NString("proposalNumber")!, (int)r.Long("visit_number")),
        BeamLineName = r.NString("beamLineName"),
    };

    private static string BuildCreateSql()
    {
        var sql = new StringBuilder();
        sql.AppendLine("""
            CREATE TABLE IF NOT EXISTS Proposal (
              proposalId INTEGER PRIMARY KEY AUTOINCREMENT,
              proposalCode TEXT NOT NULL,
              proposalNumber TEXT NOT NULL,
              UNIQUE (proposalCode, proposalNumber));
            CREATE TABLE IF NOT EXISTS BLSession (
              sessionId INTEGER PRIMARY KEY AUTOINCREMENT,
              proposalId INTEGER NOT NULL REFERENCES Proposal (proposalId),
              visit_number INTEGER NOT NULL DEFAULT 0,
              beamLineName TEXT,
              UNIQUE (proposalId, visit_number));
            """);
        Table(sql, "BLSample", "blSampleId", BLSampleColumns, "recordTimeStamp TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP");
        Table(
            sql,
            "DataCollectionGroup",
            "dataCollectionGroupId",
            DataCollectionGroupColumns,
            "sessionId INTEGER NOT NULL REFERENCES BLSession (sessionId)",
            Check("experimentType", IspybEnums.ExperimentTypes));
        Table(sql, "Position", "positionId", PositionColumns, "recordTimeStamp TEXT");
        Table(
            sql,
            "DataCollection",
            "dataCollectionId",
            DataCollectionColumns,
            "dataCollectionGroupId INTEGER NOT NULL REFERENCES DataCollectionGroup (dataCollectionGroupId)",
            Check("rotationAxis", IspybEnums.RotationAxes),
            "FOREIGN KEY (POSITIONID) REFERENCES Position (positionId)");
        Table(
            sql,
            "GridInfo",
            "gridInfoId",
            GridInfoColumns,
            "dataCollectionId INTEGER NOT NULL REFERENCES DataCollection (dataCollectionId)",
            "dataCollectionGroupId INTEGER REFERENCES DataCollectionGroup (dataCollectionGroupId)",
            "recordTimeStamp TEXT",
            Check("orientation", new HashSet<string> { "horizontal", "vertical" }));
        Table(
            sql,
            "RobotAction",
            "robotActionId",
            RobotActionColumns,
            Check("actionType", IspybEnums.RobotActionTypes),
            Check("status", IspybEnums.RobotActionStatuses),
            "FOREIGN KEY (blsessionId) REFERENCES BLSession (sessionId)");
        sql.AppendLine("CREATE INDEX IF NOT EXISTS DataCollection_FKIndex1 ON DataCollection (dataCollectionGroupId);");
        sql.AppendLine("CREATE INDEX IF NOT EXISTS GridInfo_fk_dataCollectionId ON GridInfo (dataCollectionId);");
        sql.AppendLine("CREATE INDEX IF NOT EXISTS RobotAction_FK2 ON RobotAction (blsampleId);");
        return sql.ToString();
    }

    private static void Table<TRow>(StringBuilder sql, string table, string key, IReadOnlyList<IspybColumn<TRow>> columns, params string[] extra)
    {
        var lines = new List<string> { $"{key} INTEGER PRIMARY KEY AUTOINCREMENT" };
        lines.AddRange(columns.Select(c => $"{c.Name} {c.SqlType}"));

        // Column definitions must precede table constraints.
        lines.AddRange(extra.Where(e => !IsConstraint(e)));
        lines.AddRange(extra.Where(IsConstraint));
        sql.Append("CREATE TABLE IF NOT EXISTS ").Append(table).AppendLine(" (")
            .AppendJoin(",\n", lines.Select(l => "  " + l)).AppendLine(");");
    }

    private static bool IsConstraint(string line) => line.StartsWith("CHECK", StringComparison.Ordinal) || line.StartsWith("FOREIGN KEY", StringComparison.Ordinal);

    private static string Check(string column, IEnumerable<string> values) =>
        $"CHECK ({column} IS NULL OR {column} IN ({string.Join(", ", values.Order(StringComparer.Ordinal).Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'"))}))";
}
