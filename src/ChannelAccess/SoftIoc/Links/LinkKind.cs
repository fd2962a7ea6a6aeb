namespace Hyperion.ChannelAccess.SoftIoc.Links;

/// <summary>What a link field holds (dbParseLink's link types).</summary>
public enum LinkKind
{
    /// <summary>Empty, a number or a JSON array: a constant that initializes the field it feeds.</summary>
    Constant,

    /// <summary>A PV name, "record[.FIELD] [modifiers]": a database link.</summary>
    Database,

    /// <summary>A hardware address ("@..." or "#C.. S.."), meaningful only to device support.</summary>
    Hardware,
}
