using System.Data.Common;
using Bunit;
using CustomerCenter.AccessLog;
using CustomerCenter.Data;
using CustomerCenter.Tests.Components;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;
using StaffAccessLogPage = CustomerCenter.Staff.Pages.AccessLogPage;

namespace CustomerCenter.Tests.Staff;

/// <summary>
/// A staff circuit runs overlapping operations: the access log counts its chart while its table loads. The page's
/// services live as long as the circuit (bunit's scoped services do too), so each operation must get its own
/// DbContext; one context for both throws "a second operation was started on this context".
/// </summary>
public sealed class StaffCircuitDbContextTests : PortalPageContext
{
    private readonly OverlappingCommands overlap = new();

    [Fact]
    public async Task The_access_log_counts_its_chart_and_loads_its_table_at_once_without_sharing_a_context()
    {
        var today = Portal.Clock.GetUtcNow().UtcDateTime;
        var member = await Portal.AddMemberAsync("overlap@example.de");
        await Portal.AddEventsAsync(Event(today.AddHours(-1), AccessEventKind.LoginSucceeded, member.Id));
        await UsePortalDatabaseAsync(overlap);

        var cut = Render<StaffAccessLogPage>(page => page.AddCascadingValue(ZoneKnownAsUtc));

        // The first query waits until a second one runs beside it: both the chart and the table finish only if the
        // second was not refused for sharing the first one's context.
        cut.WaitForAssertion(() => Assert.Contains("overlap@example.de", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.True(overlap.Overlapped);
    }

    /// <summary>Holds the first database command until a second one starts (or, failing that, gives up after a while).</summary>
    private sealed class OverlappingCommands : DbCommandInterceptor
    {
        private readonly TaskCompletionSource second = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int commands;

        public bool Overlapped => second.Task.IsCompletedSuccessfully;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken)
        {
            await ArriveAsync();
            return result;
        }

        public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken)
        {
            await ArriveAsync();
            return result;
        }

        private async Task ArriveAsync()
        {
            if (Interlocked.Increment(ref commands) == 1)
            {
                // A safety net only: without a second command the test fails on the missing rows, not by hanging.
                await Task.WhenAny(second.Task, Task.Delay(TimeSpan.FromSeconds(10)));
            }
            else
            {
                second.TrySetResult();
            }
        }
    }
}
