namespace Hyperion.Nexus.DataFiles;

/// <summary>One frame's row in an Odin meta file: what the Eiger's image message and Odin's write said about it.</summary>
/// <param name="Frame">The frame's number in the acquisition, from 0.</param>
/// <param name="Offset">Where the frame went in the data files' combined /data, from 0.</param>
/// <param name="StartTimeNs">When its exposure started, ns after the arm (the Eiger's start_time).</param>
/// <param name="StopTimeNs">When its exposure stopped, ns after the arm (stop_time).</param>
/// <param name="RealTimeNs">How long it counted, ns (real_time).</param>
/// <param name="SizeBytes">The bytes of its compressed image (size).</param>
public readonly record struct OdinMetaFrame(long Frame, long Offset, long StartTimeNs, long StopTimeNs, long RealTimeNs, long SizeBytes);
