using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Tests.Client.Fakes;

namespace Hyperion.ChannelAccess.Tests.Contract;

/// <summary>The IPvClient contract, run by the Channel Access client against the scripted fake server.</summary>
public sealed class CaClientAgainstFakeServerContractTests : PvClientContractTests
{
    protected override Task<ContractSetup> CreateAsync()
    {
        var server = FakeCaServer.Start();
        var client = new CaClient(server.ClientOptions());
        return Task.FromResult(new ContractSetup(client, new FakeServerPvSource(server)));
    }
}
