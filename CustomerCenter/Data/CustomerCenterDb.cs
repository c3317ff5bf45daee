using CustomerCenter.Embedding;
using CustomerCenter.Federation.Keys;
using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Mail.Outbox;
using CustomerCenter.Operations.Jobs;
using CustomerCenter.Support;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CustomerCenter.Data;

/// <summary>
/// The portal's database on SQLite, with its migrations in Data/Migrations. <see cref="PostgreSqlCustomerCenterDb"/>
/// is the same model on PostgreSQL with its own migrations (EF's pattern for several providers); every consumer asks
/// for this type.
/// </summary>
public class CustomerCenterDb : IdentityDbContext<Member, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    public CustomerCenterDb(DbContextOptions<CustomerCenterDb> options)
        : base(options)
    {
    }

    protected CustomerCenterDb(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<AccessEvent> AccessEvents => Set<AccessEvent>();

    public DbSet<AccessEventHourlyCount> AccessEventHourlyCounts => Set<AccessEventHourlyCount>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<EmbedSite> EmbedSites => Set<EmbedSite>();

    public DbSet<FederationKey> FederationKeys => Set<FederationKey>();

    public DbSet<MemberSession> MemberSessions => Set<MemberSession>();

    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    public DbSet<ScheduledJob> ScheduledJobs => Set<ScheduledJob>();

    public DbSet<SupportAttachment> SupportAttachments => Set<SupportAttachment>();

    public DbSet<SupportMailReference> SupportMailReferences => Set<SupportMailReference>();

    public DbSet<SupportMessage> SupportMessages => Set<SupportMessage>();

    public DbSet<SupportRequest> SupportRequests => Set<SupportRequest>();

    public DbSet<SupportSearchWord> SupportSearchWords => Set<SupportSearchWord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CustomerCenterDb).Assembly);
        // OpenIddict's applications, authorizations, scopes and tokens (Federation): tables in this database.
        builder.UseOpenIddict();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        UpdateMemberSearchColumns();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        UpdateMemberSearchColumns();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite forgets the kind, so it is restored on read. On PostgreSQL the columns are
        // timestamp with time zone, which Npgsql writes only from UTC values: the conversion on write keeps a Local
        // time from reaching it, and reads come back as UTC either way.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>Every path that changes a name (Identity's UserManager included) saves through here.</summary>
    private void UpdateMemberSearchColumns()
    {
        foreach (var entry in ChangeTracker.Entries<Member>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Property<string>(MemberSearchColumns.FirstName).CurrentValue = MemberSearchColumns.Normalize(entry.Entity.FirstName);
                entry.Property<string>(MemberSearchColumns.LastName).CurrentValue = MemberSearchColumns.Normalize(entry.Entity.LastName);
            }

            // Compared by value: Identity's UpdateAsync marks every column modified, also when only the lockout changed.
            if (entry.State == EntityState.Modified && ProfileFields.Any(field => !Equals(entry.Property(field).OriginalValue, entry.Property(field).CurrentValue)))
            {
                entry.Entity.ProfileUpdatedAt = Clock().GetUtcNow().UtcDateTime;
            }
        }
    }

    private static readonly string[] ProfileFields =
        [nameof(Member.FirstName), nameof(Member.LastName), nameof(Member.Email), nameof(Member.EmailConfirmed), nameof(Member.Language)];

    /// <summary>The application's clock (tests move it); design-time contexts have none and use the system's.</summary>
    private TimeProvider Clock() =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>()
        ?? TimeProvider.System;
}
