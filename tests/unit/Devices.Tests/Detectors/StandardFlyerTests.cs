using Hyperion.Devices.Detectors;
using Hyperion.Devices.Errors;

namespace Hyperion.Devices.Tests.Detectors;

public class StandardFlyerTests
{
    private sealed class RecordingLogic : IFlyerController<int>
    {
        public List<string> Calls { get; } = [];

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task PrepareAsync(int value, CancellationToken cancellationToken)
        {
            Calls.Add($"prepare {value}");
            return Task.CompletedTask;
        }

        public Task KickoffAsync(CancellationToken cancellationToken)
        {
            Calls.Add("kickoff");
            return Task.CompletedTask;
        }

        public Task CompleteAsync(CancellationToken cancellationToken)
        {
            Calls.Add("complete");
            return Done.Task;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Calls.Add("stop");
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task The_flyer_stops_its_logic_on_stage_and_unstage_and_completes_when_the_logic_does()
    {
        var logic = new RecordingLogic();
        var flyer = new StandardFlyer<int>(logic, "panda_flyer");
        await flyer.Stage();
        await flyer.Prepare(100);
        await flyer.Kickoff();
        var complete = flyer.Complete();
        Assert.False(complete.Done);
        logic.Done.SetResult();
        await complete;
        await flyer.Unstage();
        Assert.Equal(["stop", "prepare 100", "kickoff", "complete", "stop"], logic.Calls);
    }

    [Fact]
    public void Preparing_with_the_wrong_type_names_what_was_expected()
    {
        var flyer = new StandardFlyer<int>(new RecordingLogic(), "panda_flyer");
        var error = Assert.Throws<SignalTypeException>(() => flyer.Prepare("fast"));
        Assert.Contains("prepare expects a Int32, got String", error.Message, StringComparison.Ordinal);
    }
}
