namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>How a field behaves, from its definition in the record type's .dbd.</summary>
[Flags]
public enum FieldFlags
{
    /// <summary>An ordinary writable field.</summary>
    None = 0,

    /// <summary>special(SPC_NOMOD): clients may not write it (a database file may still set it).</summary>
    ReadOnly = 1,

    /// <summary>pp(TRUE): a client write processes a Passive record.</summary>
    ProcessPassive = 2,

    /// <summary>prop(YES): a metadata field; a write posts a DBE_PROPERTY event to the record's monitors.</summary>
    Property = 4,

    /// <summary>The VAL-like field whose write clears UDF (dbIsValueField).</summary>
    Value = 8,

    /// <summary>Not settable from a database file (NAME, RTYP).</summary>
    NotConfigurable = 16,
}
