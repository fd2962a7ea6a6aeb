namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>
/// The ISPyB store could not do what was asked: the database cannot be opened or read, or SQLite refused a
/// statement. <see cref="DataSource"/> names the database.
/// </summary>
public class IspybStoreException : Exception
{
    /// <summary>Creates the error.</summary>
    public IspybStoreException(string dataSource, string message)
        : base(message) => DataSource = dataSource;

    /// <summary>Creates the error with the error that caused it.</summary>
    public IspybStoreException(string dataSource, string message, Exception inner)
        : base(message, inner) => DataSource = dataSource;

    /// <summary>The database: a file path, or the name of an in-memory database.</summary>
    public string DataSource { get; }
}
