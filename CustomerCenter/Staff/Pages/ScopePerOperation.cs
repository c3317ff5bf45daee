namespace CustomerCenter.Staff.Pages;

/// <summary>
/// Each load or change of a staff page runs in its own DI scope, so it gets its own DbContext (Microsoft's Blazor
/// Server + EF Core guidance). The circuit lives for hours and runs overlapping operations (a grid reload while a
/// table loads, a click while a chart counts): one context for the circuit would serve stale rows and throw "a second
/// operation was started on this context".
/// </summary>
internal static class ScopePerOperation
{
    public static async Task<TResult> RunAsync<TService, TResult>(this IServiceScopeFactory scopes, Func<TService, Task<TResult>> operation)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
