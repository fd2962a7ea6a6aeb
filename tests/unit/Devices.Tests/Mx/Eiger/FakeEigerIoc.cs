using System.Collections.Concurrent;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Eiger;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Tests.Mx.Eiger;

/// <summary>
/// A mock-connected Eiger whose mock backends behave like the IOCs where dodal relies on it: every put is logged
/// in order; Odin is initialised and idle; the meta listener's file name and the acquisition id follow the file
/// name; capture starts the writers and StartTimeout finishes them; Acquire makes the fan ready.
/// </summary>
internal sealed class FakeEigerIoc
{
    public const string Prefix = "BL03I-EA-EIGER-01:";

    private readonly ConcurrentDictionary<object, Action<object?>> _follow = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _putSeen = new();

    private FakeEigerIoc(EigerDetector eiger) => Eiger = eiger;

    public EigerDetector Eiger { get; }

    public ConcurrentQueue<(string Signal, object? Value)> Puts { get; } = new();

    public IReadOnlyList<string> PutNames => [.. Puts.Select(p => p.Signal)];

    public static async Task<FakeEigerIoc> StartAsync(DetectorParams? detectorParams = null, EigerTimeouts? timeouts = null)
    {
        var eiger = new EigerDetector(Prefix, "eiger");
        await eiger.ConnectAsync(new DeviceConnectOptions { Mock = true });
        if (timeouts is not null)
        {
            eiger.Timeouts = timeouts;
        }

        if (detectorParams is not null)
        {
            eiger.SetDetectorParameters(detectorParams);
        }

        var ioc = new FakeEigerIoc(eiger);
        ioc.InstallRecorders();
        ioc.SetOdinInitialised(true);
        eiger.Odin.Meta.Active.Mock!.SetValue(1);
        eiger.BitDepth.Mock!.SetValue(16);
        var odin = eiger.Odin;
        ioc.On(odin.FileWriter.FileName, name =>
        {
            odin.Meta.FileName.Mock!.SetValue(name);
            odin.FileWriter.Id.Mock!.SetValue(name);
        });
        ioc.On(odin.FileWriter.Capture, capture => ioc.SetWriting(capture));
        ioc.On(odin.FileWriter.StartTimeout, _ => ioc.SetWriting(0));
        ioc.On(eiger.Cam.Acquire, acquire => odin.Fan.Ready.Mock!.SetValue(acquire));
        return ioc;
    }

    /// <summary>Runs <paramref name="follow"/> on every put to <paramref name="signal"/>, as the IOC reacts (replaces any earlier reaction).</summary>
    public void On<T>(SignalRW<T> signal, Action<T> follow) => _follow[signal] = v => follow((T)v!);

    public void SetOdinInitialised(bool initialised)
    {
        var odin = Eiger.Odin;
        var value = initialised ? 1 : 0;
        odin.Fan.ConsumersConnected.Mock!.SetValue(value);
        odin.Fan.On.Mock!.SetValue(value);
        odin.Meta.Initialised.Mock!.SetValue(value);
        foreach (var node in odin.Nodes.Nodes)
        {
            node.FrInitialised.Mock!.SetValue(value);
            node.FpInitialised.Mock!.SetValue(value);
        }
    }

    public void SetWriting(int writing)
    {
        Eiger.Odin.Meta.Ready.Mock!.SetValue(writing);
        foreach (var node in Eiger.Odin.Nodes.Nodes)
        {
            node.Writing.Mock!.SetValue(writing);
        }
    }

    /// <summary>Completes once <paramref name="signal"/> has been put to (at once if it already has).</summary>
    public Task WhenPutAsync(Signal signal)
    {
        var seen = _putSeen.GetOrAdd(signal.Name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (Puts.Any(p => p.Signal == signal.Name))
        {
            seen.TrySetResult();
        }

        return seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public object? LastPut(Signal signal) => Puts.Last(p => p.Signal == signal.Name).Value;

    public void ClearPuts() => Puts.Clear();

    private void InstallRecorders()
    {
        foreach (var device in Eiger.Descendants())
        {
            switch (device)
            {
                case SignalRW<int> s:
                    Record(s);
                    break;
                case SignalRW<double> s:
                    Record(s);
                    break;
                case SignalRW<string> s:
                    Record(s);
                    break;
            }
        }
    }

    private void Record<T>(SignalRW<T> signal) => signal.Mock!.PutCallback = (value, _) =>
    {
        Puts.Enqueue((signal.Name, value));
        _putSeen.GetOrAdd(signal.Name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (_follow.TryGetValue(signal, out var follow))
        {
            follow(value);
        }

        return Task.CompletedTask;
    };
}
