using System.Globalization;
using System.Text;

namespace Hyperion.SimBeamline.Oav;

/// <summary>
/// The OAV records the device definitions do not declare but the twin's camera serves, as the areaDetector IOC
/// names them under the OAV prefix: acquisition state and array counters (CAM:, MJPG:), the image itself as the
/// standard-arrays plugin serves it over Channel Access (ARR:ArrayData, 8-bit grey, row after row; dodal reads
/// images over PVAccess, which this stack does not speak), and the MXSC pin-tip plugin's outputs (MXSC:TipX, TipY,
/// Top, Bottom, as dodal's ophyd PinTipDetect and MXSC devices read them; −1 for no tip).
/// </summary>
public static class OavCameraRecords
{
    /// <summary>The records as .db text, for an image of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static string ToDbText(string oavPrefix, int width = 1024, int height = 768)
    {
        ArgumentNullException.ThrowIfNull(oavPrefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var text = new StringBuilder();
        void Record(string type, string suffix, string source, params (string Field, string Value)[] fields)
        {
            text.Append("# ").AppendLine(source);
            text.Append("record(").Append(type).Append(", \"").Append(oavPrefix).Append(suffix).AppendLine("\") {");
            foreach (var (field, value) in fields)
            {
                text.Append("    field(").Append(field).Append(", \"").Append(value).AppendLine("\")");
            }

            text.AppendLine("}");
        }

        var elements = width.ToString(CultureInfo.InvariantCulture);
        text.AppendLine("# The twin's OAV camera and pin-tip plugin (src/SimBeamline/Oav).");
        Record("bo", "CAM:Acquire", "oav camera: acquire", ("ZNAM", "Done"), ("ONAM", "Acquire"), ("VAL", "1"));
        Record("bi", "CAM:Acquire_RBV", "oav camera: acquiring", ("ZNAM", "Done"), ("ONAM", "Acquire"), ("VAL", "1"));
        Record("mbbi", "CAM:DetectorState_RBV", "oav camera: state", ("ZRST", "Idle"), ("ZRVL", "0"), ("ONST", "Acquire"), ("ONVL", "1"), ("VAL", "1"));
        Record("longin", "CAM:ArrayCounter_RBV", "oav camera: frames taken");
        Record("longin", "MJPG:ArrayCounter_RBV", "oav MJPG plugin: frames served");
        Record("waveform", "ARR:ArrayData", "oav standard-arrays plugin: the image, 8-bit grey, row after row", ("FTVL", "UCHAR"), ("NELM", (width * height).ToString(CultureInfo.InvariantCulture)));
        Record("longin", "ARR:ArraySize0_RBV", "oav standard-arrays plugin: image width");
        Record("longin", "ARR:ArraySize1_RBV", "oav standard-arrays plugin: image height");
        Record("longin", "ARR:ArrayCounter_RBV", "oav standard-arrays plugin: frames served");
        Record("longin", "ARR:UniqueId_RBV", "oav standard-arrays plugin: the served frame's number");
        Record("longin", "MXSC:ArrayCounter_RBV", "oav MXSC plugin: frames analysed");
        Record("longin", "MXSC:ArraySize1_RBV", "oav MXSC plugin: image width");
        Record("longin", "MXSC:ArraySize2_RBV", "oav MXSC plugin: image height");
        Record("longin", "MXSC:TipX", "oav MXSC plugin: pin tip column (-1: none)", ("VAL", "-1"));
        Record("longin", "MXSC:TipY", "oav MXSC plugin: pin tip row (-1: none)", ("VAL", "-1"));
        Record("waveform", "MXSC:Top", "oav MXSC plugin: top edge row per column (-1: none)", ("FTVL", "LONG"), ("NELM", elements));
        Record("waveform", "MXSC:Bottom", "oav MXSC plugin: bottom edge row per column (-1: none)", ("FTVL", "LONG"), ("NELM", elements));
        return text.ToString();
    }
}
