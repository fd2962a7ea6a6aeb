namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>The storage type of a record field (EPICS's DBF_* types, less the ones no record here uses).</summary>
public enum FieldType
{
    /// <summary>DBF_STRING: text of a fixed maximum size.</summary>
    String,

    /// <summary>DBF_CHAR: signed 8-bit integer (served as DBR_CHAR).</summary>
    Char,

    /// <summary>DBF_UCHAR: unsigned 8-bit integer (served as DBR_CHAR).</summary>
    UChar,

    /// <summary>DBF_SHORT: signed 16-bit integer (served as DBR_SHORT).</summary>
    Short,

    /// <summary>DBF_USHORT: unsigned 16-bit integer (served as DBR_LONG, as EPICS does).</summary>
    UShort,

    /// <summary>DBF_LONG: signed 32-bit integer (served as DBR_LONG).</summary>
    Long,

    /// <summary>DBF_ULONG: unsigned 32-bit integer (served as DBR_DOUBLE, as EPICS does).</summary>
    ULong,

    /// <summary>DBF_FLOAT: single precision (served as DBR_FLOAT).</summary>
    Float,

    /// <summary>DBF_DOUBLE: double precision (served as DBR_DOUBLE).</summary>
    Double,

    /// <summary>DBF_ENUM: a state number whose strings the record supplies (served as DBR_ENUM).</summary>
    Enum,

    /// <summary>DBF_MENU: a choice of a fixed menu (served as DBR_ENUM).</summary>
    Menu,

    /// <summary>DBF_DEVICE: the device support choice, DTYP (served as DBR_ENUM).</summary>
    Device,

    /// <summary>DBF_INLINK: an input link (served as its text, DBR_STRING).</summary>
    InLink,

    /// <summary>DBF_OUTLINK: an output link (served as its text, DBR_STRING).</summary>
    OutLink,

    /// <summary>DBF_FWDLINK: a forward link (served as its text, DBR_STRING).</summary>
    FwdLink,
}
