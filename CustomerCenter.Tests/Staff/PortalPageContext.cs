using CustomerCenter.AccessLog;
using CustomerCenter.Data;
using CustomerCenter.Staff.Members;
using CustomerCenter.Tests.Components;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Staff;

/// <summary>
/// A bunit context whose staff pages read a real portal database: the portal creates and fills it, the pages get the
/// services a circuit would (scoped ones living as long as the test, like a circuit's).
/// </summary>
public abstract class PortalPageContext : MudTestContext
{
    protected PortalFactory Portal { get; } = new();

    protected async Task UsePortalDatabaseAsync(params IInterceptor[] interceptors)
    {
        var connectionString = await Portal.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        if (PortalFactory.Provider == DatabaseProvider.PostgreSQL)
        {
            Services.AddDbContext<CustomerCenterDb, PostgreSqlCustomerCenterDb>(options => options.UseNpgsql(connectionString).AddInterceptors(interceptors));
        }
        else
        {
            Services.AddDbContext<CustomerCenterDb>(options => options.UseSqlite(connectionString).AddInterceptors(interceptors));
        }

        Services.AddScoped<AccessLogReader>();
        Services.AddScoped(_ => Portal.Services.CreateScope().ServiceProvider.GetRequiredService<CustomerCenter.Federation.SiteNames>());
        Services.AddScoped<MemberDirectory>();
        // Member details ask Accounts for a pending e-mail change; Identity's services come from the portal itself.
        Services.AddScoped(_ => Portal.Services.CreateScope().ServiceProvider.GetRequiredService<CustomerCenter.Accounts.PendingEmailChanges>());
        Services.AddSingleton<ILookupNormalizer, UpperInvariantLookupNormalizer>();
        Services.AddSingleton<TimeProvider>(Portal.Clock);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await Portal.DisposeAsync();
    }
}
