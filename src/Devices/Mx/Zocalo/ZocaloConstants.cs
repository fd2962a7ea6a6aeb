namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>dodal's zocalo constants.</summary>
public static class ZocaloConstants
{
    /// <summary>The plan name under which the results are read (ZOCALO_READING_PLAN_NAME).</summary>
    public const string ZocaloReadingPlanName = "zocalo reading";

    /// <summary>The group plans wait on after staging, before starting processing (ZOCALO_STAGE_GROUP).</summary>
    public const string ZocaloStageGroup = "clear zocalo queue";

    /// <summary>How long a trigger waits for results (DEFAULT_TIMEOUT, 180 s).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(180);

    /// <summary>How long staging lets stale messages arrive before clearing them (CLEAR_QUEUE_WAIT_S).</summary>
    public static readonly TimeSpan ClearQueueWait = TimeSpan.FromSeconds(2);

    /// <summary>The default ranking (DEFAULT_SORT_KEY).</summary>
    public const SortKeys DefaultSortKey = SortKeys.MaxCount;

    /// <summary>The zocalo environment: "dev_bluesky" when DODAL_TEST_MODE is "true", else "bluesky" (ZOCALO_ENV).</summary>
    public static string ZocaloEnvironment =>
        Environment.GetEnvironmentVariable("DODAL_TEST_MODE") == "true" ? "dev_bluesky" : "bluesky";
}
