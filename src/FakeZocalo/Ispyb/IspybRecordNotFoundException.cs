namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>
/// An update, or an insert that refers to another row, named an id that is not in the store: an unknown dcid,
/// dcgid, sample, session or robot action. <see cref="Table"/> and <see cref="Id"/> say which.
/// </summary>
public sealed class IspybRecordNotFoundException : IspybStoreException
{
    /// <summary>Creates the error.</summary>
    public IspybRecordNotFoundException(string dataSource, string table, long id)
        : base(dataSource, $"ISPyB has no {table} with id {id}")
    {
        Table = table;
        Id = id;
    }

    /// <summary>The ISPyB table looked in (<c>DataCollection</c>, <c>DataCollectionGroup</c>, ...).</summary>
    public string Table { get; }

    /// <summary>The id that was not found.</summary>
    public long Id { get; }
}
