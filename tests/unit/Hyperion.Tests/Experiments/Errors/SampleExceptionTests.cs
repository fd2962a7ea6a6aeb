using Hyperion.Cli.Experiments.Errors;
using Hyperion.Engine.Documents;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Running;

namespace Hyperion.Cli.Tests.Experiments.Errors;

public sealed class SampleExceptionTests
{
    [Fact]
    public void A_sample_error_prints_its_type_as_mx_bluesky_does()
    {
        var error = new CrystalNotFoundException();

        Assert.Equal("[CrystalNotFoundException]: Diffraction not found, skipping sample.", error.Message);
        Assert.Equal(("CrystalNotFoundException", "Diffraction not found, skipping sample."), SampleException.TypeAndMessageFromReason(error.Message));
    }

    [Fact]
    public async Task A_run_failing_on_a_sample_error_closes_with_the_type_in_its_reason()
    {
        var engine = new RunEngine();
        RunStop? stop = null;
        engine.Subscribe((_, document) => stop = document as RunStop ?? stop);

        static async Plan Failing()
        {
            await Stubs.Null();
            throw new SampleException("Pin too long");
        }

        await Assert.ThrowsAsync<SampleException>(() => engine.RunAsync(Preprocessors.RunWrapper(Failing(), new Dictionary<string, object?>())));

        Assert.Equal("fail", stop!.ExitStatus);
        Assert.Equal(("SampleException", "Pin too long"), SampleException.TypeAndMessageFromReason(stop.Reason!));
    }
}
