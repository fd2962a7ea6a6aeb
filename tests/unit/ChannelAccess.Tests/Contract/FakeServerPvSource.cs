using Hyperion.ChannelAccess.Tests.Client.Fakes;

namespace Hyperion.ChannelAccess.Tests.Contract;

/// <summary>The contract's PV source backed by the scripted fake CA server.</summary>
public sealed class FakeServerPvSource(FakeCaServer server) : IContractPvSource
{
    public FakeCaServer Server { get; } = server;

    public void CreatePv(string name, DbrValue initial, int? maxElements = null) => Server.Add(name, initial, maxElements);

    public void SetValue(string name, DbrValue value) => Server[name].Set(value);

    public DbrValue GetValue(string name) => Server[name].Value;

    public void SetReadOnly(string name, bool readOnly) => Server[name].Rights = readOnly ? AccessRights.Read : AccessRights.ReadWrite;

    public void SetCompletesLate(string name, bool late) => Server[name].CompletesLate = late;

    public Task WaitForPendingWriteAsync(string name, TimeSpan timeout) => Server[name].WritesHeld.NextAsync(timeout);

    public void CompletePendingWrites(string name) => Server[name].CompletePendingWrites();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
