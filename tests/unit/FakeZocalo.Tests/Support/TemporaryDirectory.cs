namespace Hyperion.FakeZocalo.Tests.Support;

/// <summary>A fresh directory under the system's temporary directory, deleted with everything in it on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("fakezocalo-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
