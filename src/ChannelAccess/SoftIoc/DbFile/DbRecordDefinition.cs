namespace Hyperion.ChannelAccess.SoftIoc.DbFile;

/// <summary>
/// One <c>record(type, "name") { ... }</c> (or <c>grecord</c>) as written: the same record may be defined again
/// later in the file (the definitions merge when loaded), and the type "*" adds fields to an existing record.
/// </summary>
public sealed class DbRecordDefinition
{
    /// <summary>Creates a definition.</summary>
    public DbRecordDefinition(string recordType, string name, DbSourceLocation location, DbSourceLocation typeLocation, DbSourceLocation nameLocation)
    {
        RecordType = recordType;
        Name = name;
        Location = location;
        TypeLocation = typeLocation;
        NameLocation = nameLocation;
    }

    /// <summary>The record type ("ai", "motor", or "*" to extend a record defined before).</summary>
    public string RecordType { get; }

    /// <summary>The record name.</summary>
    public string Name { get; }

    /// <summary>Where the definition starts (the <c>record</c> keyword).</summary>
    public DbSourceLocation Location { get; }

    /// <summary>Where the record type is written.</summary>
    public DbSourceLocation TypeLocation { get; }

    /// <summary>Where the record name is written.</summary>
    public DbSourceLocation NameLocation { get; }

    /// <summary>The fields, in file order.</summary>
    public IList<DbFieldDefinition> Fields { get; } = [];

    /// <summary>The info items, in file order.</summary>
    public IList<DbInfoDefinition> Infos { get; } = [];

    /// <summary>The aliases declared inside the record body.</summary>
    public IList<DbAliasDefinition> Aliases { get; } = [];

    /// <inheritdoc />
    public override string ToString() => $"record({RecordType}, \"{Name}\") at {Location}";
}
