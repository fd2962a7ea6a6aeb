namespace Hyperion.SimBeamline.Database;

/// <summary>One record of the twin's database: its type, name and fields, in the order a .db file lists them.</summary>
/// <param name="Type">The record type (ao, mbbo, motor, ...).</param>
/// <param name="Name">The record name (the PV without a field).</param>
/// <param name="Fields">Field name and value pairs.</param>
/// <param name="Source">The signal it was made for, for the .db file's comment.</param>
public sealed record TwinRecord(string Type, string Name, IReadOnlyList<KeyValuePair<string, string>> Fields, string Source);
