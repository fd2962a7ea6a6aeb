using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>The areaDetector camera's colour mode (ColorMode).</summary>
public enum ColorMode
{
    /// <summary>Mono.</summary>
    [EnumLabel("Mono")]
    Mono,

    /// <summary>Bayer.</summary>
    [EnumLabel("Bayer")]
    Bayer,

    /// <summary>RGB1.</summary>
    [EnumLabel("RGB1")]
    Rgb1,

    /// <summary>RGB2.</summary>
    [EnumLabel("RGB2")]
    Rgb2,

    /// <summary>RGB3.</summary>
    [EnumLabel("RGB3")]
    Rgb3,

    /// <summary>YUV444.</summary>
    [EnumLabel("YUV444")]
    Yuv444,

    /// <summary>YUV422.</summary>
    [EnumLabel("YUV422")]
    Yuv422,

    /// <summary>YUV421.</summary>
    [EnumLabel("YUV421")]
    Yuv421,
}
