using Hyperion.ChannelAccess.InProcess;

namespace Hyperion.ChannelAccess.Tests.Contract;

/// <summary>The IPvClient contract, with the in-process client talking straight to the provider.</summary>
public sealed class InProcessClientContractTests : PvClientContractTests
{
    /// <inheritdoc />
    protected override Task<ContractSetup> CreateAsync()
    {
        var source = new ProviderPvSource();
        return Task.FromResult(new ContractSetup(new InProcessPvClient(source), source));
    }
}
