using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Ispyb;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.FakeZocalo.Tests.Ispyb;

public sealed class SqliteIspybStoreTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2024, 2, 8, 14, 3, 59);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 2, 8, 14, 5, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("ispyb-").FullName;
    private SqliteIspybStore _store = null!;

    // A test that hangs fails instead of stalling the run.
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        _store = await SqliteIspybStore.OpenInMemoryAsync(time: _time, ct: Ct);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _timeout.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_visit_gets_one_session_whatever_how_often_it_is_asked_for()
    {
        var first = await _store.GetOrCreateSessionAsync("cm1234-67", "i03", Ct);
        var again = await _store.GetOrCreateSessionAsync("cm1234-67", "i03", Ct);
        var other = await _store.GetOrCreateSessionAsync("cm1234-68", "i03", Ct);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        var session = await _store.GetSessionAsync(first, Ct);
        Assert.Equal(new IspybVisit("cm", "1234", 67), session!.Visit);
        Assert.Equal("cm1234-67", session.Visit.ToString());
        Assert.Equal("i03", session.BeamLineName);
    }

    [Theory]
    [InlineData("cm1234")]
    [InlineData("1234-5")]
    [InlineData("cm1234-x")]
    public async Task A_malformed_visit_is_rejected(string visit)
    {
        var ex = await Assert.ThrowsAsync<IspybValidationException>(() => _store.GetOrCreateSessionAsync(visit, null, Ct));

        Assert.Equal("BLSession", ex.Table);
    }

    [Fact]
    public async Task A_data_collection_group_reads_back_as_written()
    {
        var session = await _store.GetOrCreateSessionAsync("cm1234-67", "i03", Ct);
        var group = new DataCollectionGroupRow
        {
            SessionId = session,
            ExperimentType = "Mesh3D",
            BlSampleId = 364758,
            Comments = "Diffraction grid scan of 20 by 12 by 10.",
            StartTime = Start,
            ActualSampleBarcode = "12345A",
            XtalSnapshotFullPath = "/tmp/snapshot.png",
        };

        var dcgid = await _store.InsertDataCollectionGroupAsync(group, Ct);

        Assert.Equal(group with { DataCollectionGroupId = dcgid }, await _store.GetDataCollectionGroupAsync(dcgid, Ct));
    }

    [Fact]
    public async Task A_data_collection_reads_back_as_written_with_every_column()
    {
        var (session, dcgid) = await GroupAsync();
        var collection = new DataCollectionRow
        {
            DataCollectionGroupId = dcgid,
            BlSampleId = 364758,
            DataCollectionNumber = 1,
            StartTime = Start,
            EndTime = Start.AddSeconds(2),
            RunStatus = "DataCollection Running",
            AxisStart = 0,
            AxisEnd = 0,
            AxisRange = 0,
            Overlap = 0,
            NumberOfImages = 240,
            StartImageNumber = 1,
            NumberOfPasses = 1,
            ExposureTime = 0.004,
            ImageDirectory = "/dls/i03/data/2024/cm1234-67/",
            ImagePrefix = "ins_1",
            ImageSuffix = "h5",
            FileTemplate = "ins_1_1_master.h5",
            Wavelength = 0.976254,
            Resolution = 1.5,
            DetectorDistance = 100,
            XBeam = 150.5,
            YBeam = 160.25,
            Comments = "Hyperion: Xray centring - Diffraction grid scan of 20 by 12 images.",
            SlitGapVertical = 0.1,
            SlitGapHorizontal = 0.05,
            Transmission = 100,
            SynchrotronMode = "User",
            XtalSnapshotFullPath1 = "/tmp/1.png",
            XtalSnapshotFullPath2 = "/tmp/2.png",
            XtalSnapshotFullPath3 = "/tmp/3.png",
            XtalSnapshotFullPath4 = "/tmp/4.png",
            RotationAxis = "Omega",
            PhiStart = 1,
            KappaStart = 2,
            OmegaStart = 90,
            ChiStart = 3,
            DetectorMode = "ROI",
            UndulatorGap1 = 6.2,
            BeamSizeAtSampleX = 0.05,
            BeamSizeAtSampleY = 0.02,
            Flux = 9.8e11,
            DetectorId = 78,
        };

        var dcid = await _store.InsertDataCollectionAsync(collection, Ct);

        Assert.Equal(collection with { DataCollectionId = dcid, SessionId = session }, await _store.GetDataCollectionAsync(dcid, Ct));
    }

    [Fact]
    public async Task Times_are_kept_to_the_second()
    {
        var (_, dcgid) = await GroupAsync();

        var dcid = await _store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid, StartTime = Start.AddMilliseconds(999) }, Ct);

        Assert.Equal(Start, (await _store.GetDataCollectionAsync(dcid, Ct))!.StartTime);
    }

    [Fact]
    public async Task An_update_writes_only_the_fields_it_sets()
    {
        var (_, dcgid) = await GroupAsync();
        var dcid = await _store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid, NumberOfImages = 100, Wavelength = 0.9, Comments = "first" }, Ct);

        await _store.UpdateDataCollectionAsync(dcid, new DataCollectionRow { NumberOfImages = 200, OmegaStart = 90 }, Ct);

        var row = await _store.GetDataCollectionAsync(dcid, Ct);
        Assert.Equal(200, row!.NumberOfImages);
        Assert.Equal(90, row.OmegaStart);
        Assert.Equal(0.9, row.Wavelength);
        Assert.Equal("first", row.Comments);
        Assert.Equal(dcgid, row.DataCollectionGroupId);
    }

    [Fact]
    public async Task A_group_update_writes_only_the_fields_it_sets()
    {
        var (_, dcgid) = await GroupAsync();

        await _store.UpdateDataCollectionGroupAsync(dcgid, new DataCollectionGroupRow { Comments = "updated", EndTime = Start }, Ct);

        var group = await _store.GetDataCollectionGroupAsync(dcgid, Ct);
        Assert.Equal("updated", group!.Comments);
        Assert.Equal(Start, group.EndTime);
        Assert.Equal("Mesh3D", group.ExperimentType);
    }

    [Theory]
    [InlineData(true, "DataCollection Successful")]
    [InlineData(false, "DataCollection Unsuccessful")]
    public async Task Ending_a_collection_sets_its_run_status_and_end_time(bool successful, string status)
    {
        var (_, dcgid) = await GroupAsync();
        var dcid = await _store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid, Comments = "Grid scan." }, Ct);

        await _store.EndDataCollectionAsync(dcid, successful, Start.AddMinutes(1), successful ? null : "Crystal not found", Ct);

        var row = await _store.GetDataCollectionAsync(dcid, Ct);
        Assert.Equal(status, row!.RunStatus);
        Assert.Equal(Start.AddMinutes(1), row.EndTime);
        Assert.Equal(successful ? "Grid scan." : "Grid scan. DataCollection Unsuccessful reason: Crystal not found", row.Comments);
    }

    [Fact]
    public async Task Comments_are_appended_after_the_delimiter()
    {
        var (_, dcgid) = await GroupAsync();
        var dcid = await _store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid }, Ct);

        await _store.AppendDataCollectionCommentAsync(dcid, "Zocalo processing took 2.1 s.", " ", Ct);
        await _store.AppendDataCollectionCommentAsync(dcid, "Crystal 1: found.", "\n", Ct);

        Assert.Equal("Zocalo processing took 2.1 s.\nCrystal 1: found.", (await _store.GetDataCollectionAsync(dcid, Ct))!.Comments);
    }

    [Fact]
    public async Task A_comment_longer_than_the_column_is_rejected_and_nothing_changes()
    {
        var (_, dcgid) = await GroupAsync();
        var dcid = await _store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid, Comments = "kept" }, Ct);

        var ex = await Assert.ThrowsAsync<IspybValidationException>(() => _store.AppendDataCollectionCommentAsync(dcid, new string('x', 1024), " ", Ct));

        Assert.Equal("comments", ex.Column);
        Assert.Equal("kept", (await _store.GetDataCollectionAsync(dcid, Ct))!.Comments);
    }

    [Fact]
    public async Task Collections_in_a_group_come_in_dcid_order()
    {
        var (_, dcgid) = await GroupAsync();
        var (_, otherGroup) = await GroupAsync();
        var first = await _store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid, OmegaStart = 0 }, Ct);
        await _store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = otherGroup }, Ct);
        var second = await _store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid, OmegaStart = 90 }, Ct);

        var rows = await _store.GetDataCollectionsInGroupAsync(dcgid, Ct);

        Assert.Equal(new[] { first, second }, rows.Select(r => r.DataCollectionId));
        Assert.Equal(new double?[] { 0, 90 }, rows.Select(r => r.OmegaStart));
    }

    [Fact]
    public async Task Grid_info_reads_back_by_dcid_with_its_group()
    {
        var (_, dcgid) = await GroupAsync();
        var dcid = await _store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid }, Ct);
        var grid = new GridInfoRow
        {
            DataCollectionId = dcid,
            DxMm = 0.02,
            DyMm = 0.02,
            StepsX = 20,
            StepsY = 12,
            MicronsPerPixelX = 1.25,
            MicronsPerPixelY = 1.25,
            SnapshotOffsetXPixel = 100,
            SnapshotOffsetYPixel = 150,
            Orientation = GridOrientation.Vertical,
            Snaked = true,
        };

        var gridInfoId = await _store.InsertGridInfoAsync(grid, Ct);

        var expected = grid with { GridInfoId = gridInfoId, DataCollectionGroupId = dcgid, RecordTimeStamp = new DateTime(2024, 2, 8, 14, 5, 0) };
        Assert.Equal(expected, await _store.GetGridInfoAsync(dcid, Ct));
        Assert.Equal(new[] { expected }, await _store.GetGridInfosInGroupAsync(dcgid, Ct));
    }

    [Fact]
    public async Task A_position_is_linked_to_its_collection()
    {
        var (_, dcgid) = await GroupAsync();
        var dcid = await _store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid }, Ct);

        var positionId = await _store.InsertPositionAsync(dcid, new PositionRow { PosX = 1.5, PosY = -0.25, PosZ = 0.125 }, Ct);

        Assert.Equal(positionId, (await _store.GetDataCollectionAsync(dcid, Ct))!.PositionId);
        var position = await _store.GetPositionAsync(dcid, Ct);
        Assert.Equal(new PositionRow { PositionId = positionId, PosX = 1.5, PosY = -0.25, PosZ = 0.125, RecordTimeStamp = new DateTime(2024, 2, 8, 14, 5, 0) }, position);
    }

    [Fact]
    public async Task Sample_status_is_updated()
    {
        var sampleId = await _store.UpsertSampleAsync(new BLSampleRow { BlSampleId = 364758, ContainerId = 8, Name = "thau", Location = "3" }, Ct);

        await _store.UpdateSampleStatusAsync(sampleId, BLSampleStatus.Loaded, Ct);

        Assert.Equal(new BLSampleRow { BlSampleId = 364758, ContainerId = 8, Name = "thau", Location = "3", BlSampleStatus = "LOADED" }, await _store.GetSampleAsync(364758, Ct));
    }

    [Fact]
    public async Task Upserting_a_sample_replaces_it()
    {
        await _store.UpsertSampleAsync(new BLSampleRow { BlSampleId = 5, Name = "a" }, Ct);
        await _store.UpsertSampleAsync(new BLSampleRow { BlSampleId = 5, Name = "b" }, Ct);
        var fresh = await _store.UpsertSampleAsync(new BLSampleRow { Name = "c" }, Ct);

        Assert.Equal("b", (await _store.GetSampleAsync(5, Ct))!.Name);
        Assert.Equal("c", (await _store.GetSampleAsync(fresh, Ct))!.Name);
    }

    [Fact]
    public async Task A_sample_status_longer_than_twenty_characters_is_rejected()
    {
        await _store.UpsertSampleAsync(new BLSampleRow { BlSampleId = 1 }, Ct);

        var ex = await Assert.ThrowsAsync<IspybValidationException>(() => _store.UpdateSampleStatusAsync(1, "ERROR - sample holder bent", Ct));

        Assert.Equal("blSampleStatus", ex.Column);
    }

    [Fact]
    public async Task A_robot_load_is_started_updated_and_ended()
    {
        var session = await _store.GetOrCreateSessionAsync("cm1234-67", "i03", Ct);
        await _store.UpsertSampleAsync(new BLSampleRow { BlSampleId = 364758 }, Ct);

        var id = await _store.InsertRobotActionAsync(new RobotActionRow { BlSessionId = session, BlSampleId = 364758, ActionType = "LOAD" }, Ct);
        await _store.UpdateRobotActionAsync(id, new RobotActionRow { SampleBarcode = "12345A", ContainerLocation = 8, DewarLocation = 3, XtalSnapshotBefore = "/tmp/before.png" }, Ct);
        await _store.EndRobotActionAsync(id, "SUCCESS", "OK", Start.AddMinutes(2), Ct);

        var expected = new RobotActionRow
        {
            RobotActionId = id,
            BlSessionId = session,
            BlSampleId = 364758,
            ActionType = "LOAD",
            StartTimestamp = new DateTime(2024, 2, 8, 14, 5, 0),
            EndTimestamp = Start.AddMinutes(2),
            Status = "SUCCESS",
            Message = "OK",
            ContainerLocation = 8,
            DewarLocation = 3,
            SampleBarcode = "12345A",
            XtalSnapshotBefore = "/tmp/before.png",
        };
        Assert.Equal(expected, await _store.GetRobotActionAsync(id, Ct));
        Assert.Equal(new[] { expected }, await _store.GetRobotActionsForSampleAsync(364758, Ct));
    }

    [Theory]
    [InlineData(null, null, "actionType")]
    [InlineData("TELEPORT", null, "actionType")]
    [InlineData("LOAD", "FINE", "status")]
    public async Task Robot_actions_outside_ispybs_enums_are_rejected(string? actionType, string? status, string column)
    {
        var session = await _store.GetOrCreateSessionAsync("cm1234-67", "i03", Ct);

        var ex = await Assert.ThrowsAsync<IspybValidationException>(() => _store.InsertRobotActionAsync(new RobotActionRow { BlSessionId = session, ActionType = actionType, Status = status }, Ct));

        Assert.Equal(column, ex.Column);
    }

    [Fact]
    public async Task An_experiment_type_outside_ispybs_enum_is_rejected()
    {
        var session = await _store.GetOrCreateSessionAsync("cm1234-67", "i03", Ct);

        var ex = await Assert.ThrowsAsync<IspybValidationException>(() => _store.InsertDataCollectionGroupAsync(new DataCollectionGroupRow { SessionId = session, ExperimentType = "Grid" }, Ct));

        Assert.Equal("experimentType", ex.Column);
    }

    [Fact]
    public async Task Reading_unknown_ids_gives_null()
    {
        Assert.Null(await _store.GetDataCollectionAsync(404, Ct));
        Assert.Null(await _store.GetDataCollectionGroupAsync(404, Ct));
        Assert.Null(await _store.GetGridInfoAsync(404, Ct));
        Assert.Null(await _store.GetPositionAsync(404, Ct));
        Assert.Null(await _store.GetSampleAsync(404, Ct));
        Assert.Null(await _store.GetSessionAsync(404, Ct));
        Assert.Null(await _store.GetRobotActionAsync(404, Ct));
        Assert.Empty(await _store.GetRobotActionsForSampleAsync(404, Ct));
    }

    [Fact]
    public async Task Writing_to_unknown_ids_is_a_typed_error_naming_the_table()
    {
        async Task<string> TableOf(Func<Task> write) => (await Assert.ThrowsAsync<IspybRecordNotFoundException>(write)).Table;

        Assert.Equal("DataCollection", await TableOf(() => _store.UpdateDataCollectionAsync(404, new DataCollectionRow { NumberOfImages = 1 }, Ct)));
        Assert.Equal("DataCollection", await TableOf(() => _store.EndDataCollectionAsync(404, true, Start, null, Ct)));
        Assert.Equal("DataCollection", await TableOf(() => _store.AppendDataCollectionCommentAsync(404, "x", " ", Ct)));
        Assert.Equal("DataCollection", await TableOf(() => _store.InsertGridInfoAsync(new GridInfoRow { DataCollectionId = 404 }, Ct)));
        Assert.Equal("DataCollection", await TableOf(() => _store.InsertPositionAsync(404, new PositionRow(), Ct)));
        Assert.Equal("DataCollectionGroup", await TableOf(() => _store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = 404 }, Ct)));
        Assert.Equal("DataCollectionGroup", await TableOf(() => _store.UpdateDataCollectionGroupAsync(404, new DataCollectionGroupRow { Comments = "x" }, Ct)));
        Assert.Equal("DataCollectionGroup", await TableOf(() => _store.GetDataCollectionsInGroupAsync(404, Ct)));
        Assert.Equal("DataCollectionGroup", await TableOf(() => _store.GetGridInfosInGroupAsync(404, Ct)));
        Assert.Equal("BLSession", await TableOf(() => _store.InsertDataCollectionGroupAsync(new DataCollectionGroupRow { SessionId = 404 }, Ct)));
        Assert.Equal("BLSession", await TableOf(() => _store.InsertRobotActionAsync(new RobotActionRow { BlSessionId = 404, ActionType = "LOAD" }, Ct)));
        Assert.Equal("BLSample", await TableOf(() => _store.UpdateSampleStatusAsync(404, "LOADED", Ct)));
        Assert.Equal("RobotAction", await TableOf(() => _store.EndRobotActionAsync(404, "SUCCESS", null, Start, Ct)));

        var notFound = await Assert.ThrowsAsync<IspybRecordNotFoundException>(() => _store.UpdateDataCollectionAsync(404, new DataCollectionRow(), Ct));
        Assert.Equal(404, notFound.Id);
    }

    [Fact]
    public async Task The_schema_spells_the_columns_as_ispyb_does()
    {
        var path = Path.Combine(_folder, "schema.db");
        await (await SqliteIspybStore.OpenFileAsync(path, ct: Ct)).DisposeAsync();
        var expected = new Dictionary<string, string[]>
        {
            ["DataCollectionGroup"] = ["dataCollectionGroupId", "sessionId", "comments", "blSampleId", "experimentType", "startTime", "endTime", "actualSampleBarcode", "xtalSnapshotFullPath"],
            ["DataCollection"] =
            [
                "dataCollectionId", "dataCollectionGroupId", "BLSAMPLEID", "SESSIONID", "dataCollectionNumber", "startTime", "endTime", "runStatus",
                "axisStart", "axisEnd", "axisRange", "overlap", "numberOfImages", "startImageNumber", "numberOfPasses", "exposureTime",
                "imageDirectory", "imagePrefix", "imageSuffix", "fileTemplate", "wavelength", "resolution", "detectorDistance", "xBeam", "yBeam",
                "comments", "slitGapVertical", "slitGapHorizontal", "transmission", "synchrotronMode", "xtalSnapshotFullPath1",
                "xtalSnapshotFullPath2", "xtalSnapshotFullPath3", "xtalSnapshotFullPath4", "rotationAxis", "phiStart", "kappaStart", "omegaStart",
                "chiStart", "DETECTORMODE", "undulatorGap1", "beamSizeAtSampleX", "beamSizeAtSampleY", "flux", "detectorId", "POSITIONID",
            ],
            ["GridInfo"] =
            [
                "gridInfoId", "dx_mm", "dy_mm", "steps_x", "steps_y", "orientation", "dataCollectionGroupId", "snapshot_offsetXPixel",
                "snapshot_offsetYPixel", "snaked", "dataCollectionId", "micronsPerPixelX", "micronsPerPixelY", "recordTimeStamp",
            ],
            ["Position"] = ["positionId", "posX", "posY", "posZ", "scale", "recordTimeStamp"],
            ["BLSample"] = ["blSampleId", "containerId", "name", "location", "subLocation", "loopType", "comments", "blSampleStatus", "recordTimeStamp"],
            ["BLSession"] = ["sessionId", "proposalId", "visit_number", "beamLineName"],
            ["Proposal"] = ["proposalId", "proposalCode", "proposalNumber"],
            ["RobotAction"] =
            [
                "robotActionId", "blsessionId", "blsampleId", "actionType", "startTimestamp", "endTimestamp", "status", "message",
                "containerLocation", "dewarLocation", "sampleBarcode", "xtalSnapshotBefore", "xtalSnapshotAfter",
            ],
        };

        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        foreach (var (table, columns) in expected)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            var actual = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(Ct))
            {
                while (await reader.ReadAsync(Ct))
                {
                    actual.Add(reader.GetString(0));
                }
            }

            Assert.True(actual.SetEquals(columns), $"{table}: missing [{string.Join(", ", columns.Except(actual))}], unexpected [{string.Join(", ", actual.Except(columns))}]");
        }
    }

    [Fact]
    public async Task A_database_file_keeps_its_rows_across_opens()
    {
        var path = Path.Combine(_folder, "ispyb.db");
        long dcid;
        await using (var store = await SqliteIspybStore.OpenFileAsync(path, ct: Ct))
        {
            var session = await store.GetOrCreateSessionAsync("cm1234-67", "i03", Ct);
            var dcgid = await store.InsertDataCollectionGroupAsync(new DataCollectionGroupRow { SessionId = session, ExperimentType = "SAD" }, Ct);
            dcid = await store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid, NumberOfImages = 3600 }, Ct);
        }

        await using var reopened = await SqliteIspybStore.OpenFileAsync(path, ct: Ct);
        Assert.Equal(3600, (await reopened.GetDataCollectionAsync(dcid, Ct))!.NumberOfImages);
    }

    [Fact]
    public async Task In_memory_stores_of_the_same_name_share_one_database()
    {
        var name = $"shared-{Guid.NewGuid():N}";
        await using var writer = await SqliteIspybStore.OpenInMemoryAsync(name, ct: Ct);
        await using var reader = await SqliteIspybStore.OpenInMemoryAsync(name, ct: Ct);
        await using var other = await SqliteIspybStore.OpenInMemoryAsync(ct: Ct);

        var session = await writer.GetOrCreateSessionAsync("cm1234-67", "i03", Ct);

        Assert.NotNull(await reader.GetSessionAsync(session, Ct));
        Assert.Null(await other.GetSessionAsync(session, Ct));
    }

    [Fact]
    public async Task A_database_path_in_a_missing_folder_is_a_typed_error_naming_it()
    {
        var path = Path.Combine(_folder, "no", "such", "folder", "ispyb.db");

        var ex = await Assert.ThrowsAsync<IspybStoreException>(() => SqliteIspybStore.OpenFileAsync(path, ct: Ct));

        Assert.Equal(path, ex.DataSource);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_a_typed_error()
    {
        var path = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(path, new string('x', 4096), Ct);

        var ex = await Assert.ThrowsAsync<IspybStoreException>(() => SqliteIspybStore.OpenFileAsync(path, ct: Ct));

        Assert.Equal(path, ex.DataSource);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Readers_see_consistent_rows_while_writers_insert(bool onFile)
    {
        var name = $"concurrent-{Guid.NewGuid():N}";
        var path = Path.Combine(_folder, $"{name}.db");
        await using var hyperion = onFile ? await SqliteIspybStore.OpenFileAsync(path, ct: Ct) : await SqliteIspybStore.OpenInMemoryAsync(name, ct: Ct);
        await using var zocalo = onFile ? await SqliteIspybStore.OpenFileAsync(path, ct: Ct) : await SqliteIspybStore.OpenInMemoryAsync(name, ct: Ct);
        var session = await hyperion.GetOrCreateSessionAsync("cm1234-67", "i03", Ct);
        var dcgid = await hyperion.InsertDataCollectionGroupAsync(new DataCollectionGroupRow { SessionId = session, ExperimentType = "Mesh3D" }, Ct);
        const int Writers = 4, PerWriter = 25;
        using var done = new CancellationTokenSource();

        // Writers on both stores: each collection gets its grid info and position.
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(
            async () =>
            {
                var store = w % 2 == 0 ? hyperion : zocalo;
                for (var i = 0; i < PerWriter; i++)
                {
                    var dcid = await store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid, NumberOfImages = (w * 1000) + i }, Ct);
                    await store.InsertGridInfoAsync(new GridInfoRow { DataCollectionId = dcid, StepsX = w + 1, StepsY = i + 1 }, Ct);
                    await store.InsertPositionAsync(dcid, new PositionRow { PosX = i }, Ct);
                }
            },
            Ct)).ToArray();

        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(
            async () =>
            {
                var seen = 0;
                var reads = 0;
                while (!done.IsCancellationRequested || reads == 0)
                {
                    var rows = await zocalo.GetDataCollectionsInGroupAsync(dcgid, Ct);
                    Assert.True(rows.Count >= seen, "a reader saw rows disappear");
                    seen = rows.Count;
                    Assert.Equal(rows.Count, rows.Select(x => x.DataCollectionId).Distinct().Count());
                    reads++;
                }

                return reads;
            },
            Ct)).ToArray();

        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        await done.CancelAsync();
        var readCounts = await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(60), Ct);

        var all = await hyperion.GetDataCollectionsInGroupAsync(dcgid, Ct);
        Assert.Equal(Writers * PerWriter, all.Count);
        Assert.Equal(
            Enumerable.Range(0, Writers).SelectMany(w => Enumerable.Range(0, PerWriter).Select(i => (w * 1000) + i)).Order(),
            all.Select(r => r.NumberOfImages!.Value).Order());
        Assert.Equal(Writers * PerWriter, (await zocalo.GetGridInfosInGroupAsync(dcgid, Ct)).Count);
        Assert.All(all, r => Assert.NotNull(r.PositionId));
        Assert.All(readCounts, c => Assert.True(c > 0));
    }

    private async Task<(long Session, long Dcgid)> GroupAsync()
    {
        var session = await _store.GetOrCreateSessionAsync("cm1234-67", "i03", Ct);
        var dcgid = await _store.InsertDataCollectionGroupAsync(new DataCollectionGroupRow { SessionId = session, ExperimentType = "Mesh3D", StartTime = Start }, Ct);
        return (session, dcgid);
    }
}
