using System.Buffers;
using BenchmarkDotNet.Attributes;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Messages;
using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.Benchmarks;

/// <summary>
/// The Channel Access server's own share of the work, without sockets: pipelined gets and puts of a DBR_DOUBLE
/// through one circuit, and monitor updates of a soft PV fanned out to 1 and to 50 circuits (encoded and taken
/// for sending). Run with <c>-- --filter *CaServer*</c>.
/// </summary>
[MemoryDiagnoser]
public class CaServerBenchmarks
{
    private const int Requests = 10_000;
    private const int Sets = 1_000;

    private readonly InMemoryPvProvider _provider = new();
    private SoftPv _watchedByOne = null!;
    private SoftPv _watchedByFifty = null!;
    private ServerCircuit _circuit = null!;
    private ServerCircuit[] _one = [];
    private ServerCircuit[] _fifty = [];
    private byte[] _gets = [];
    private byte[] _puts = [];

    /// <summary>Creates the PVs, the circuits and the request streams.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _provider.AddSoft("BENCH:DOUBLE", DbrValue.Of(1.5));
        _watchedByOne = _provider.AddSoft("BENCH:MONITORED1", DbrValue.Of(0.0));
        _watchedByFifty = _provider.AddSoft("BENCH:MONITORED50", DbrValue.Of(0.0));
        _circuit = Connect("BENCH:DOUBLE");
        _gets = new byte[Requests * 16];
        _puts = new byte[Requests * 24];
        for (var i = 0; i < Requests; i++)
        {
            new ReadNotifyRequest((ushort)DbrType.Double, 1, 1, (uint)i).Encode(_gets.AsSpan(i * 16));
            WriteRequest.For(DbrType.Double, DbrValue.Of((double)i), 1, (uint)i).Encode(_puts.AsSpan(i * 24));
        }

        _one = [Subscribe(Connect("BENCH:MONITORED1"))];
        _fifty = [.. Enumerable.Range(0, 50).Select(_ => Subscribe(Connect("BENCH:MONITORED50")))];
    }

    /// <summary>Closes the circuits.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _circuit.Dispose();
        foreach (var watcher in _one.Concat(_fifty))
        {
            watcher.Dispose();
        }
    }

    /// <summary>10,000 pipelined READ_NOTIFY of a DBR_DOUBLE, answered and taken for sending.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public void PipelinedGets() => Feed(_circuit, _gets);

    /// <summary>10,000 pipelined WRITE of a DBR_DOUBLE, each decoded, stored and published.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public void PipelinedPuts() => Feed(_circuit, _puts);

    /// <summary>1,000 changes of a monitored PV delivered to one circuit.</summary>
    [Benchmark(OperationsPerInvoke = Sets)]
    public void MonitorUpdatesTo1Client() => SetAndDrain(_watchedByOne, _one);

    /// <summary>1,000 changes of a monitored PV delivered to each of 50 circuits (per change).</summary>
    [Benchmark(OperationsPerInvoke = Sets)]
    public void MonitorUpdatesTo50Clients() => SetAndDrain(_watchedByFifty, _fifty);

    private static void SetAndDrain(SoftPv pv, ServerCircuit[] circuits)
    {
        for (var i = 0; i < Sets; i++)
        {
            pv.SetValue(i);
        }

        foreach (var circuit in circuits)
        {
            Drain(circuit);
        }
    }

    private ServerCircuit Connect(string pv)
    {
        var circuit = new ServerCircuit(_provider, new ServerCircuitOptions { MaxQueuedUpdates = 1_000_000 });
        Feed(circuit, new CreateChanRequest(pv, 1, CaProtocol.MinorVersion).ToBytes());
        return circuit;
    }

    private static ServerCircuit Subscribe(ServerCircuit circuit)
    {
        Feed(circuit, new EventAddRequest((ushort)DbrType.Double, 1, 1, 1, EventMask.Value).ToBytes());
        return circuit;
    }

    private static void Feed(ServerCircuit circuit, byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        circuit.Receive(ref buffer);
        Drain(circuit);
    }

    private static void Drain(ServerCircuit circuit)
    {
        while (circuit.TryTakeOutput(out _))
        {
            circuit.ReleaseOutput();
        }
    }
}
