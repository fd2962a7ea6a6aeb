namespace Hyperion.ChannelAccess.Tests.Contract;

/// <summary>What a contract-test subclass provides: the client under test and the source serving it.</summary>
/// <param name="Client">The client under test; disposed after each test.</param>
/// <param name="Source">The PV source the client reaches; disposed after the client.</param>
public sealed record ContractSetup(IPvClient Client, IContractPvSource Source);
