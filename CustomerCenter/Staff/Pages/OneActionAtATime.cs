namespace CustomerCenter.Staff.Pages;

/// <summary>
/// Lets a component run one staff action at a time. Blazor Server delivers a second click while the first one's
/// database work is still running, so a double click would register a site twice or rotate its secret twice (the
/// Admin then sees a secret that is no longer the one stored). The buttons show <see cref="Busy"/> as disabled.
/// </summary>
public sealed class OneActionAtATime
{
    public bool Busy { get; private set; }

    /// <summary>Runs <paramref name="action"/> unless another one is still running; then does nothing.</summary>
    public async Task RunAsync(Func<Task> action)
    {
        if (Busy)
        {
            return;
        }

        Busy = true;
        try
        {
            await action();
        }
        finally
        {
            Busy = false;
        }
    }
}
