namespace Hyperion.Cli.Logging;

/// <summary>
/// What every log line is tagged with while an experiment runs: the outermost run's uid and the ISPyB data
/// collection group id once one is known (mx-bluesky tags its Graylog records the same way). Safe from any thread.
/// </summary>
public sealed class LogContext
{
    private volatile string? _runUid;
    private long _dcgid = -1;

    /// <summary>The uid of the outermost open run, or null.</summary>
    public string? RunUid
    {
        get => _runUid;
        set => _runUid = value;
    }

    /// <summary>The data collection group id of the current experiment, or null.</summary>
    public long? DataCollectionGroupId
    {
        get
        {
            var value = Interlocked.Read(ref _dcgid);
            return value < 0 ? null : value;
        }

        set => Interlocked.Exchange(ref _dcgid, value ?? -1);
    }

    /// <summary>The tags as they appear in a line (<c>run_uid=... dcgid=...</c>), or empty.</summary>
    public string Tags
    {
        get
        {
            var uid = RunUid;
            var dcgid = DataCollectionGroupId;
            return (uid, dcgid) switch
            {
                (null, null) => string.Empty,
                (not null, null) => $"run_uid={uid}",
                (null, not null) => $"dcgid={dcgid}",
                _ => $"run_uid={uid} dcgid={dcgid}",
            };
        }
    }
}
