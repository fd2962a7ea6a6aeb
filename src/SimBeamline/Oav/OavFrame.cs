using Hyperion.Devices.Signals;

namespace Hyperion.SimBeamline.Oav;

/// <summary>One image from the twin's OAV camera.</summary>
/// <param name="Number">The frame's number, from 1 (the camera's array counter).</param>
/// <param name="View">What was rendered.</param>
/// <param name="Image">The image.</param>
/// <param name="Time">When it was taken, on the twin's clock.</param>
public sealed record OavFrame(long Number, OavView View, Image2D<byte> Image, DateTimeOffset Time);
