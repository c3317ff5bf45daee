using CustomerCenter.Staff.Pages;

namespace CustomerCenter.Tests.Staff;

/// <summary>A second click while the first action still runs (Blazor Server delivers it) does nothing.</summary>
public sealed class OneActionAtATimeTests
{
    [Fact]
    public async Task A_second_action_while_the_first_runs_is_dropped_and_the_next_one_after_it_runs()
    {
        var action = new OneActionAtATime();
        var firstMayEnd = new TaskCompletionSource();
        var runs = 0;

        var first = action.RunAsync(async () => { runs++; await firstMayEnd.Task; });
        var second = action.RunAsync(() => { runs++; return Task.CompletedTask; });
        await second;
        Assert.True(action.Busy);
        firstMayEnd.SetResult();
        await first;
        await action.RunAsync(() => { runs++; return Task.CompletedTask; });

        Assert.Equal(2, runs);
        Assert.False(action.Busy);
    }

    [Fact]
    public async Task A_failed_action_does_not_leave_the_buttons_disabled()
    {
        var action = new OneActionAtATime();

        await Assert.ThrowsAsync<InvalidOperationException>(() => action.RunAsync(() => throw new InvalidOperationException()));

        Assert.False(action.Busy);
    }
}
