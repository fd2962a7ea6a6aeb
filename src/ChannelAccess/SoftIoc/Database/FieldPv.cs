using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.SoftIoc.Records;

namespace Hyperion.ChannelAccess.SoftIoc.Database;

/// <summary>
/// A record field served as a PV: "rec" and "rec.VAL" are the VAL field, "rec.EGU" the EGU field, and so on.
/// With a trailing '$' ("rec.DESC$") a string or link field is served as a NUL-terminated DBR_CHAR array, as
/// EPICS serves long strings. Reads, writes and subscriptions go through the database's lock.
/// </summary>
public sealed class FieldPv : IServerPv
{
    private const int LongLinkCapacity = 1024;

    internal FieldPv(string name, RecordField field, bool longString)
    {
        Name = name;
        Field = field;
        LongString = longString;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The field served.</summary>
    public RecordField Field { get; }

    /// <summary>True when a string field is served as a character array.</summary>
    public bool LongString { get; }

    /// <inheritdoc />
    public string ClassName => Field.Record.RecordType;

    /// <inheritdoc />
    public DbrType NativeType => LongString ? DbrType.Char : Field.NativeType;

    /// <inheritdoc />
    public int MaxElements => LongString ? (Field.IsLink ? LongLinkCapacity : Math.Max(Field.Size, 1)) : Field.Capacity;

    private RecordDatabase Database => Field.Record.Database ?? throw new InvalidOperationException($"Record {Field.Record.Name} is not in a database.");

    /// <inheritdoc />
    public AccessRights RightsFor(ClientIdentity client) => Field.IsReadOnly ? AccessRights.Read : AccessRights.ReadWrite;

    /// <inheritdoc />
    public DbrValue Read()
    {
        lock (Database.Gate)
        {
            return Field.Record.Snapshot(Field, LongString);
        }
    }

    /// <inheritdoc />
    public ValueTask<EcaStatus> WriteAsync(DbrValue value, ClientIdentity client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Field.IsReadOnly)
        {
            return ValueTask.FromResult(Eca.Nowtaccess);
        }

        if (LongString)
        {
            value = DbrValue.Of(Records.Record.TextOfChars(value));
        }

        return Database.PutAsync(Field, value, cancellationToken);
    }

    /// <inheritdoc />
    public IDisposable Subscribe(Action<PvUpdate> onUpdate)
    {
        ArgumentNullException.ThrowIfNull(onUpdate);
        lock (Database.Gate)
        {
            return Field.Subscribe(this, onUpdate);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Field.Record.RecordType}.{Field.Name}, {DbrTypes.CName(NativeType)}[{MaxElements}])";
}
