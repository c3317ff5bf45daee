using CustomerCenter.Accounts;
using CustomerCenter.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Infrastructure;

/// <summary>A portal whose Identity operations can be made to fail the way a store or validator can (<see cref="Failures"/>).</summary>
public sealed class FailingIdentityPortal : PortalFactory
{
    public IdentityFailures Failures { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Failures);
            services.AddScoped<IUserValidator<Member>, RefusingUserValidator>();
            // On PostgreSQL the context registered for CustomerCenterDb is its provider-specific subclass, with its own options.
            services.ConfigureDbContext<CustomerCenterDb>((_, options) => options.AddInterceptors(new FailingMemberDeletes(Failures)));
            services.ConfigureDbContext<PostgreSqlCustomerCenterDb>((_, options) => options.AddInterceptors(new FailingMemberDeletes(Failures)));
        });
    }

    /// <summary>Switches that make Identity fail: a refused update (a validator says no), a failed delete.</summary>
    public sealed class IdentityFailures
    {
        public bool RefuseUpdates { get; set; }

        /// <summary>Refuses only the update that makes a member active (their first password is set before it).</summary>
        public bool RefuseActivations { get; set; }

        public bool FailDeletes { get; set; }
    }

    private sealed class RefusingUserValidator(IdentityFailures failures) : IUserValidator<Member>
    {
        public Task<IdentityResult> ValidateAsync(UserManager<Member> manager, Member user) =>
            Task.FromResult(failures.RefuseUpdates || (failures.RefuseActivations && user.Status == MemberStatus.Active)
                ? IdentityResult.Failed(new IdentityError { Code = "Refused", Description = "Refused by the test." })
                : IdentityResult.Success);
    }

    /// <summary>Identity's store answers a concurrency exception on delete with a failed IdentityResult.</summary>
    private sealed class FailingMemberDeletes(IdentityFailures failures) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (failures.FailDeletes && eventData.Context!.ChangeTracker.Entries<Member>().Any(e => e.State == EntityState.Deleted))
            {
                throw new DbUpdateConcurrencyException("The member was changed meanwhile (test).");
            }

            return ValueTask.FromResult(result);
        }
    }
}
