namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>A record field cannot take a value, or does not exist; names the record, the field and the reason.</summary>
public sealed class RecordFieldException : Exception
{
    /// <summary>Creates the error.</summary>
    public RecordFieldException(string recordName, string fieldName, string reason, Exception? innerException = null)
        : base($"{recordName}.{fieldName}: {reason}", innerException)
    {
        RecordName = recordName;
        FieldName = fieldName;
        Reason = reason;
    }

    /// <summary>The record.</summary>
    public string RecordName { get; }

    /// <summary>The field.</summary>
    public string FieldName { get; }

    /// <summary>What is wrong, without the record and field.</summary>
    public string Reason { get; }

    /// <summary>For an error in a CALC expression, the 1-based column in the expression; otherwise null.</summary>
    public int? Column { get; init; }
}
