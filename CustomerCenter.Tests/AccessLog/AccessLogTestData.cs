using CustomerCenter.AccessLog;
using CustomerCenter.Accounts;
using CustomerCenter.Data;
using CustomerCenter.Staff;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.AccessLog;

/// <summary>Members and events written straight into the portal's database, for tests whose subject is reading them.</summary>
internal static class AccessLogTestData
{
    public static async Task<Member> AddMemberAsync(
        this PortalFactory portal,
        string email,
        string firstName = "Hanna",
        string lastName = "Schmidt",
        MemberStatus status = MemberStatus.Active,
        DateTime? invitedAt = null,
        string? role = null,
        string? password = null,
        DateTime? registeredAt = null)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var member = new Member
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            FirstName = firstName,
            LastName = lastName,
            Status = status,
            InvitedAt = invitedAt ?? now.AddDays(-1),
            RegisteredAt = status == MemberStatus.Invited ? null : registeredAt ?? now.AddDays(-1),
        };
        var created = password is null ? await users.CreateAsync(member) : await users.CreateAsync(member, password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            await scope.ServiceProvider.GetRequiredService<StaffTeam>().EnsureRolesAsync();
            await users.AddToRoleAsync(member, role);
        }

        return member;
    }

    public static Task<Member> AddStaffAsync(this PortalFactory portal, string email) =>
        portal.AddMemberAsync(email, "Sam", "Staff", role: StaffRoles.Staff, password: MemberJourney.GoodPassword);

    public static async Task<List<AccessEvent>> AddEventsAsync(this PortalFactory portal, params AccessEvent[] events)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        db.AccessEvents.AddRange(events);
        await db.SaveChangesAsync();
        return [.. events];
    }

    public static AccessEvent Event(DateTime at, AccessEventKind kind, Guid? memberId = null, string? userAgent = "Test/1.0", Guid? actorId = null) =>
        new() { OccurredAt = at, Kind = kind, MemberId = memberId, IpAddress = "192.0.2.0/24", UserAgent = userAgent, ActorId = actorId };

    public static async Task<T> WithServiceAsync<T, TService>(this PortalFactory portal, Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static Task<AccessLogPage> ReadPageAsync(this PortalFactory portal, AccessLogFilter filter, AccessLogCursor? after = null, int pageSize = 50) =>
        portal.WithServiceAsync<AccessLogPage, AccessLogReader>(reader => reader.ReadPageAsync(filter, after, pageSize, CancellationToken.None));

    /// <summary>Every row the filter matches, walking all pages.</summary>
    public static async Task<List<AccessLogRow>> ReadAllAsync(this PortalFactory portal, AccessLogFilter filter, int pageSize = 7)
    {
        var rows = new List<AccessLogRow>();
        AccessLogCursor? cursor = null;
        do
        {
            var page = await portal.ReadPageAsync(filter, cursor, pageSize);
            rows.AddRange(page.Rows);
            cursor = page.Next;
        }
        while (cursor is not null);

        return rows;
    }
}
