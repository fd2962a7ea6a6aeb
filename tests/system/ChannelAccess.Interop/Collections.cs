namespace Hyperion.ChannelAccess.Interop.Tests;

/// <summary>The libca tests run one class at a time: each starts its own peer process and server, and they time puts.</summary>
[CollectionDefinition("pyepics", DisableParallelization = true)]
public sealed class PyEpicsCollection;
