namespace Hyperion.Engine.Tests.Planning;

public class PlanCoroutineTests
{
    private static async Plan<int> Counting(List<string> trace)
    {
        trace.Add("start");
        var a = await new Msg("null");
        trace.Add($"got {a}");
        var b = await new Msg("read", null, "x");
        trace.Add($"got {b}");
        return 42;
    }

    [Fact]
    public void Calling_a_plan_runs_none_of_its_body()
    {
        var trace = new List<string>();
        var plan = Counting(trace);
        Assert.Empty(trace);
        Assert.False(plan.IsStarted);
    }

    [Fact]
    public void Plan_receives_each_response_and_returns_its_value()
    {
        var trace = new List<string>();
        var plan = Counting(trace);
        Assert.Equal(new Msg("null"), plan.Send());
        Assert.Equal(new Msg("read", null, "x"), plan.Send("first"));
        Assert.Null(plan.Send("second"));
        Assert.True(plan.IsCompleted);
        Assert.Equal(42, plan.Result);
        Assert.Equal(["start", "got first", "got second"], trace);
    }

    private static async Plan<string> Guarded(List<string> trace)
    {
        try
        {
            await new Msg("set");
            return "not reached";
        }
        catch (InvalidOperationException ex)
        {
            trace.Add("caught " + ex.Message);
            await new Msg("recover");
            return "recovered";
        }
        finally
        {
            trace.Add("finally");
        }
    }

    [Fact]
    public void Exception_thrown_into_plan_surfaces_at_the_await_and_can_be_caught()
    {
        var trace = new List<string>();
        var plan = Guarded(trace);
        Assert.Equal("set", plan.Send()!.Command);
        Assert.Equal("recover", plan.Throw(new InvalidOperationException("boom"))!.Command);
        Assert.Null(plan.Send());
        Assert.Equal("recovered", plan.Result);
        Assert.Equal(["caught boom", "finally"], trace);
    }

    [Fact]
    public void Unhandled_exception_propagates_out_of_plan_after_finally()
    {
        var trace = new List<string>();
        var plan = Guarded(trace);
        plan.Send();
        var step = plan.Advance(null, new ArgumentException("bad"));
        Assert.Equal(PlanStepKind.Faulted, step.Kind);
        Assert.IsType<ArgumentException>(step.Error);
        Assert.Equal(["finally"], trace);
        Assert.True(plan.IsCompleted);
    }

    private static async Plan<int> Inner(int n)
    {
        var sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += (int)(await new Msg("read", null, i))!;
        }

        return sum;
    }

    private static async Plan<int> Outer()
    {
        var first = await Inner(2);
        await new Msg("between");
        var second = await Inner(1);
        return first + second;
    }

    [Fact]
    public void Nested_plans_yield_in_place_and_return_values_like_yield_from()
    {
        var plan = Outer();
        var commands = new List<string>();
        var step = plan.Advance(null, null);
        var value = 10;
        while (step.Kind == PlanStepKind.Yielded)
        {
            commands.Add($"{step.Message!.Command}{Msg.Describe(step.Message.Args.Count > 0 ? step.Message.Args[0] : null)}");
            step = plan.Advance(value++, null);
        }

        Assert.Equal(PlanStepKind.Returned, step.Kind);
        Assert.Equal(["read0", "read1", "betweenNone", "read0"], commands);
        Assert.Equal(10 + 11 + 13, plan.Result);
    }

    private static async Plan ThrowsInside()
    {
        await new Msg("x");
        throw new InvalidCastException("inner failure");
    }

    private static async Plan<string> CatchesChildFailure()
    {
        try
        {
            await ThrowsInside();
        }
        catch (InvalidCastException ex)
        {
            return ex.Message;
        }

        return "no";
    }

    [Fact]
    public void Sub_plan_failure_is_raised_at_the_parents_await()
    {
        var plan = CatchesChildFailure();
        plan.Send();
        Assert.Null(plan.Send());
        Assert.Equal("inner failure", plan.Result);
    }

    private static IEnumerable<Msg> Iterator()
    {
        yield return new Msg("a");
        yield return new Msg("b");
    }

    private static async Plan UsesMessageSequences()
    {
        await Iterator();
        await new[] { new Msg("c") };
    }

    [Fact]
    public void Message_sequences_can_be_awaited_as_sub_plans()
    {
        var commands = UsesMessageSequences().ToMessageList().Select(m => m.Command);
        Assert.Equal(["a", "b", "c"], commands);
    }

    private static async Plan<int> ClosableWithCleanup(List<string> trace)
    {
        try
        {
            await new Msg("work");
            return 1;
        }
        finally
        {
            trace.Add("cleaned");
        }
    }

    [Fact]
    public void Close_runs_finally_blocks_without_processing_messages()
    {
        var trace = new List<string>();
        var plan = ClosableWithCleanup(trace);
        plan.Send();
        plan.Close();
        Assert.Equal(["cleaned"], trace);
        Assert.True(plan.IsCompleted);
        Assert.IsType<PlanClosedException>(plan.Exception);
    }

    private static async Plan YieldsInFinally()
    {
        try
        {
            await new Msg("work");
        }
        finally
        {
            await new Msg("cleanup");
        }
    }

    [Fact]
    public void Yielding_while_being_closed_is_reported_and_the_plan_abandoned()
    {
        var plan = YieldsInFinally();
        plan.Send();
        var error = Assert.Throws<PlanYieldedOnClose>(() => plan.Close());
        Assert.Equal("cleanup", error.YieldedMessage.Command);
        Assert.True(plan.IsCompleted);
    }

    [Fact]
    public void Closing_an_unstarted_plan_runs_nothing()
    {
        var trace = new List<string>();
        var plan = ClosableWithCleanup(trace);
        plan.Close();
        Assert.Empty(trace);
        Assert.True(plan.IsCompleted);
    }

    [Fact]
    public void Throwing_into_an_unstarted_plan_raises_without_running_the_body()
    {
        var trace = new List<string>();
        var plan = Counting(trace);
        Assert.Throws<TimeoutException>(() => plan.Throw(new TimeoutException()));
        Assert.Empty(trace);
    }

    private static async Plan AwaitsATask()
    {
        await Task.Delay(1);
    }

    [Fact]
    public void Awaiting_a_task_inside_a_plan_fails_with_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AwaitsATask().Send());
        Assert.Contains("may only await Msg objects and other plans", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Awaiting_a_plan_outside_a_plan_fails_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await Outer());
        Assert.Contains("RunEngine.RunAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Async_plan_name_is_the_method_name()
    {
        Assert.Equal("Outer", Outer().Name);
        Assert.Equal("generator", Outer().PlanType);
        Assert.Equal("list", Plan.From(new Msg("a")).PlanType);
    }

    [Fact]
    public void Msg_equality_is_by_value_and_prints_like_bluesky()
    {
        var a = new Msg("set", null, 1.5) { Kwargs = new Dictionary<string, object?> { ["group"] = "A" } };
        var b = new Msg("set", null, 1.5).WithKwarg("group", "A");
        Assert.Equal(a, b);
        Assert.NotEqual(a, b.WithKwarg("group", "B"));
        Assert.Equal("Msg('set', obj=None, args=(1.5,), kwargs={'group': 'A'}, run=None)", a.ToString());
    }

    [Fact]
    public void A_long_plan_does_not_grow_the_stack()
    {
        static async Plan<int> Many(int n)
        {
            for (var i = 0; i < n; i++)
            {
                await Inner(1);
            }

            return n;
        }

        var plan = Many(100_000);
        var count = 0;
        var step = plan.Advance(null, null);
        while (step.Kind == PlanStepKind.Yielded)
        {
            count++;
            step = plan.Advance(1, null);
        }

        Assert.Equal(100_000, count);
        Assert.Equal(100_000, plan.Result);
    }
}
