namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>One writable ISPyB column of a row type: its name as ISPyB spells it, its SQLite type, and its value in a row.</summary>
internal sealed record IspybColumn<TRow>(string Name, string SqlType, Func<TRow, object?> Get);
