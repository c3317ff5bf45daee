using CustomerCenter.Accounts;
using CustomerCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Staff.Members;

/// <summary>The staff's member lookup: search, sort and page in the database, never the whole table in memory.</summary>
public sealed class MemberDirectory(CustomerCenterDb db, PendingEmailChanges pendingEmails)
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// Up to this many matches a page says exactly how many there are; beyond it "more than", which is what a staff
    /// user paging through a list needs. An exact total of a million members is a full index scan on every page.
    /// </summary>
    public const int ExactCountLimit = 10_000;

    /// <summary>At most this many words of a search are used; each must match.</summary>
    public const int MaxSearchTerms = 4;

    /// <summary>
    /// One page (zero-based) of members. Every word of <paramref name="search"/> must be the start of the member's
    /// e-mail, first name or last name, case-insensitively ("schm" finds Schmidt, "anna sch" finds Anna Schulz).
    /// </summary>
    public Task<MemberDirectoryPage> SearchAsync(string? search, MemberSortColumn sort, bool descending, int page, int pageSize, CancellationToken ct) =>
        SearchAsync(search, sort, descending, page, pageSize, ExactCountLimit, ct);

    internal async Task<MemberDirectoryPage> SearchAsync(
        string? search, MemberSortColumn sort, bool descending, int page, int pageSize, int exactCountLimit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page, int.MaxValue / pageSize);

        var members = Matching(search);
        // Counted only this far: the limit, or a page beyond the one asked for, so there is always a next page to go to.
        var countLimit = Math.Max(exactCountLimit, (int)Math.Min(int.MaxValue - 1, (page + 2L) * pageSize));
        var counted = await members.Take(countLimit + 1).CountAsync(ct);
        var rows = await Sorted(members, sort, descending)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(m => new MemberDirectoryRow(m.Id, m.Email ?? "", m.FirstName, m.LastName, m.Status, m.RegisteredAt, m.FirstLoginAt, m.LastLoginAt))
            .ToListAsync(ct);
        return counted > countLimit ? new MemberDirectoryPage(countLimit, rows, MoreThanTotal: true) : new MemberDirectoryPage(counted, rows);
    }

    internal IQueryable<Member> Matching(string? search)
    {
        IQueryable<Member> members = db.Users.AsNoTracking();
        foreach (var term in Terms(search))
        {
            members = MemberPrefixSearch.ByEmailOrName(members, term);
        }

        return members;
    }

    public async Task<MemberDetails?> FindAsync(Guid id, CancellationToken ct)
    {
        var member = await db.Users.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return null;
        }

        var roles = await (
                from link in db.UserRoles
                join role in db.Roles on link.RoleId equals role.Id
                where link.UserId == id
                orderby role.Name
                select role.Name)
            .ToListAsync(ct);
        return new MemberDetails(
            member.Id,
            member.Email ?? "",
            member.FirstName,
            member.LastName,
            member.Language,
            member.Status,
            member.InvitedAt,
            member.RegisteredAt,
            member.FirstLoginAt,
            member.LastLoginAt,
            member.EmailConfirmed,
            member.AccessFailedCount,
            member.LockoutEnd,
            member.TermsVersion,
            member.TermsAcceptedAt,
            member.PrivacyVersion,
            member.PrivacyAcceptedAt,
            [.. roles.OfType<string>()],
            await pendingEmails.FindAsync(member));
    }

    /// <summary>
    /// Longest word first: SQLite reads the first condition through its indexes and checks the others on each row it
    /// finds, and a longer prefix usually finds fewer rows ("anna sch": the Annas, not every Schmidt and Schulz).
    /// </summary>
    private static IEnumerable<string> Terms(string? search) =>
        (search ?? "")
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(MemberSearchColumns.Normalize)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxSearchTerms)
            .OrderByDescending(term => term.Length);

    /// <summary>The sort column, then the columns that make the order total (so pages never overlap), all indexed.</summary>
    private static IOrderedQueryable<Member> Sorted(IQueryable<Member> members, MemberSortColumn sort, bool descending)
    {
        return (sort, descending) switch
        {
            (MemberSortColumn.FirstName, false) => members
                .OrderBy(m => EF.Property<string>(m, MemberSearchColumns.FirstName))
                .ThenBy(m => EF.Property<string>(m, MemberSearchColumns.LastName)).ThenBy(m => m.Id),
            (MemberSortColumn.FirstName, true) => members
                .OrderByDescending(m => EF.Property<string>(m, MemberSearchColumns.FirstName))
                .ThenByDescending(m => EF.Property<string>(m, MemberSearchColumns.LastName)).ThenByDescending(m => m.Id),
            (MemberSortColumn.Email, false) => members.OrderBy(m => m.NormalizedEmail).ThenBy(m => m.Id),
            (MemberSortColumn.Email, true) => members.OrderByDescending(m => m.NormalizedEmail).ThenByDescending(m => m.Id),
            (MemberSortColumn.Status, false) => members.OrderBy(m => m.Status).ThenBy(m => m.InvitedAt).ThenBy(m => m.Id),
            (MemberSortColumn.Status, true) => members.OrderByDescending(m => m.Status).ThenByDescending(m => m.InvitedAt).ThenByDescending(m => m.Id),
            (MemberSortColumn.RegisteredAt, false) => members.OrderBy(m => m.RegisteredAt).ThenBy(m => m.Id),
            (MemberSortColumn.RegisteredAt, true) => members.OrderByDescending(m => m.RegisteredAt).ThenByDescending(m => m.Id),
            (MemberSortColumn.FirstLoginAt, false) => members.OrderBy(m => m.FirstLoginAt).ThenBy(m => m.Id),
            (MemberSortColumn.FirstLoginAt, true) => members.OrderByDescending(m => m.FirstLoginAt).ThenByDescending(m => m.Id),
            (MemberSortColumn.LastLoginAt, false) => members.OrderBy(m => m.LastLoginAt).ThenBy(m => m.Id),
            (MemberSortColumn.LastLoginAt, true) => members.OrderByDescending(m => m.LastLoginAt).ThenByDescending(m => m.Id),
            (_, false) => members
                .OrderBy(m => EF.Property<string>(m, MemberSearchColumns.LastName))
                .ThenBy(m => EF.Property<string>(m, MemberSearchColumns.FirstName)).ThenBy(m => m.Id),
            (_, true) => members
                .OrderByDescending(m => EF.Property<string>(m, MemberSearchColumns.LastName))
                .ThenByDescending(m => EF.Property<string>(m, MemberSearchColumns.FirstName)).ThenByDescending(m => m.Id),
        };
    }
}
