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

    /// <summary>
    /// What the staff layout cascades once the circuit has asked the browser (here: a zone this server does not know,
    /// so UTC): the members list and the access log query and render only then.
    /// </summary>
    protected static readonly CustomerCenter.Staff.ViewerTimeZone ZoneKnownAsUtc = CustomerCenter.Staff.ViewerTimeZone.Unknown with { Known = true };

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
