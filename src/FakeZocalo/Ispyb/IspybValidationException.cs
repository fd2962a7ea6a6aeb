namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>
/// A value ISPyB's schema would refuse: not one of an enum column's values, longer than its column, or a
/// required field left out. <see cref="Table"/> and <see cref="Column"/> name the column as ISPyB spells it.
/// </summary>
public sealed class IspybValidationException : IspybStoreException
{
    /// <summary>Creates the error.</summary>
    public IspybValidationException(string dataSource, string table, string column, string problem)
        : base(dataSource, $"{table}.{column}: {problem}")
    {
        Table = table;
        Column = column;
    }

    /// <summary>The ISPyB table.</summary>
    public string Table { get; }

    /// <summary>The ISPyB column.</summary>
    public string Column { get; }
}
