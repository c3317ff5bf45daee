using System.Linq.Expressions;
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

    /// <summary>
    /// The same for a search (as the service desk's search): each member it counts is an index entry on which the
    /// other words are checked, so a search that matches thousands ("anna sch") says "more than 1,000" after reading
    /// a few thousand entries instead of every entry of its word.
    /// </summary>
    public const int ExactSearchCountLimit = 1_000;

    /// <summary>
    /// Up to this many entries in the three search indexes a word is rare: a search of several words reads the
    /// candidates of a rare word rather than those of its longest one ("schneider ö": the few Ö, not every Schneider).
    /// </summary>
    public const int RareWordEntries = 1_000;

    /// <summary>At most this many words of a search are used; each must match.</summary>
    public const int MaxSearchTerms = 4;

    /// <summary>
    /// One page (zero-based) of members. Every word of <paramref name="search"/> must be the start of the member's
    /// e-mail, first name or last name, case-insensitively ("schm" finds Schmidt, "anna sch" finds Anna Schulz).
    /// </summary>
    public Task<MemberDirectoryPage> SearchAsync(string? search, MemberSortColumn sort, bool descending, int page, int pageSize, CancellationToken ct) =>
        SearchAsync(search, sort, descending, page, pageSize, Terms(search).Any() ? ExactSearchCountLimit : ExactCountLimit, ct);

    internal async Task<MemberDirectoryPage> SearchAsync(
        string? search, MemberSortColumn sort, bool descending, int page, int pageSize, int exactCountLimit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page, int.MaxValue / pageSize);

        // Counted only this far: the limit, or a page beyond the one asked for, so there is always a next page to go to.
        var countLimit = Math.Max(exactCountLimit, (int)Math.Min(int.MaxValue - 1, (page + 2L) * pageSize));
        var words = await WordsAsync(search, sort, ct);
        var counted = await CountedIds(words.Count, countLimit + 1).CountAsync(ct);
        var rows = await PageQuery(words.Page, sort, descending, page * pageSize, pageSize).ToListAsync(ct);
        return counted > countLimit ? new MemberDirectoryPage(countLimit, rows, MoreThanTotal: true) : new MemberDirectoryPage(counted, rows);
    }

    /// <summary>The rows of one page: its ids (<see cref="PageIds"/>), then only those members' rows.</summary>
    internal IQueryable<MemberDirectoryRow> PageQuery(string? search, MemberSortColumn sort, bool descending, int skip, int take) =>
        PageQuery([.. Terms(search)], sort, descending, skip, take);

    private IQueryable<MemberDirectoryRow> PageQuery(List<string> terms, MemberSortColumn sort, bool descending, int skip, int take)
    {
        var pageIds = PageIds(terms, sort, descending, skip, take);
        return Sorted(db.Users.AsNoTracking().Where(m => pageIds.Contains(m.Id)), sort, descending)
            .Select(m => new MemberDirectoryRow(m.Id, m.Email ?? "", m.FirstName, m.LastName, m.Status, m.RegisteredAt, m.FirstLoginAt, m.LastLoginAt));
    }

    internal IQueryable<Member> Matching(string? search) => Matching([.. Terms(search)]);

    internal IQueryable<Guid> CountedIds(string? search, int limit) => CountedIds([.. Terms(search)], limit);

    /// <summary>
    /// The ids of up to <paramref name="limit"/> matching members, for counting. With a search: the matches of the
    /// first word's three disjoint ranges (<see cref="DisjointRanges"/>) one range after the other (UNION ALL), read
    /// inside the covering indexes, so the count stops at the limit wherever it is reached.
    /// </summary>
    internal IQueryable<Guid> CountedIds(List<string> terms, int limit) =>
        terms.Count == 0
            ? db.Users.AsNoTracking().Select(m => m.Id).Take(limit)
            : DisjointRanges(terms).Select(range => range.Select(m => m.Id)).Aggregate((all, more) => all.Concat(more)).Take(limit);

    /// <summary>
    /// The normalized words of a search in the order the count reads them and in the order the page reads them; each
    /// reads the ranges of its first word. The count: the first rare word (<see cref="RareWordEntries"/> in its three
    /// ranges) in the longest-first order of <see cref="Terms"/>, or the longest when all are common. The page: the
    /// word with the fewest entries outside the sort column's range, for that range is read in the page's order and
    /// left after the page while the other two are read whole ("anna sch" by last name: the SCH last names from the
    /// first, not all 58,000 first names and e-mails that start with ANNA).
    /// </summary>
    internal async Task<(List<string> Count, List<string> Page)> WordsAsync(string? search, MemberSortColumn sort, CancellationToken ct)
    {
        List<string> terms = [.. Terms(search)];
        if (terms.Count < 2)
        {
            return (terms, terms);
        }

        var entries = new List<MemberSearchWordEntries>();
        IQueryable<Member> members = db.Users.AsNoTracking();
        foreach (var term in terms)
        {
            // One round trip per word: under load each one costs more than these three short index reads.
            var first = MemberPrefixSearch.ByFirstName(members, term).Take(RareWordEntries + 1);
            var last = MemberPrefixSearch.ByLastName(members, term).Take(RareWordEntries + 1);
            var email = MemberPrefixSearch.ByEmail(members, term).Take(RareWordEntries + 1);
            var counted = await members.Select(_ => new { First = first.Count(), Last = last.Count(), Email = email.Count() }).FirstOrDefaultAsync(ct);
            entries.Add(new MemberSearchWordEntries(term, counted?.First ?? 0, counted?.Last ?? 0, counted?.Email ?? 0));
        }

        var rare = entries.FirstOrDefault(word => word.All <= RareWordEntries);
        var page = entries.MinBy(word => word.OutsideOrderOf(sort))!;
        return (rare is null ? terms : [rare.Word, .. terms.Where(term => term != rare.Word)], [page.Word, .. terms.Where(term => term != page.Word)]);
    }

    /// <summary>
    /// The ids of one page, taken from an index before any member row is read (a deferred join): a deep page skips
    /// index entries, not rows. A search sorted by a name or the e-mail takes from each search index's range the
    /// first <paramref name="skip"/> + <paramref name="take"/> in the page's order (every member of the page is among
    /// them) and sorts only those: the planner would otherwise walk the sort column's index in order and check every
    /// entry (PostgreSQL, "schm") or read every matching row to sort it ("anna sch").
    /// </summary>
    private IQueryable<Guid> PageIds(List<string> terms, MemberSortColumn sort, bool descending, int skip, int take)
    {
        if (terms.Count == 0 || sort is not (MemberSortColumn.LastName or MemberSortColumn.FirstName or MemberSortColumn.Email))
        {
            return Sorted(Matching(terms), sort, descending).Skip(skip).Take(take).Select(m => m.Id);
        }

        var first = (int)Math.Min(int.MaxValue, (long)skip + take);
        var candidates = Ranges(terms)
            .Select(range => Sorted(range, sort, descending).Take(first).Select(SearchKey.Of))
            .Aggregate((all, more) => all.Union(more));
        return Sorted(candidates, sort, descending).Skip(skip).Take(take).Select(k => k.Id);
    }

    private IQueryable<Member> Matching(List<string> terms) =>
        terms.Aggregate(db.Users.AsNoTracking(), MemberPrefixSearch.ByEmailOrName);

    /// <summary>
    /// The matches of a search as three queries, one per search index: a range of the longest word on that index's
    /// first column, the other words checked on the index's other columns. A member may be in more than one.
    /// </summary>
    private IEnumerable<IQueryable<Member>> Ranges(List<string> terms)
    {
        IQueryable<Member> members = db.Users.AsNoTracking();
        var others = terms.Skip(1).ToList();
        return new[]
            {
                MemberPrefixSearch.ByLastName(members, terms[0]),
                MemberPrefixSearch.ByFirstName(members, terms[0]),
                MemberPrefixSearch.ByEmail(members, terms[0]),
            }
            .Select(range => others.Aggregate(range, MemberPrefixSearch.ByEmailOrName));
    }

    /// <summary>
    /// The same matches as <see cref="Ranges"/>, each member in one range only: the first-name range, then the
    /// last-name range without those whose first name starts with the word, then the e-mail range without both. The
    /// exclusions are checked on columns the index holds, so counting needs no UNION (no temporary set of every id
    /// found) and can stop at its limit in the first range.
    /// </summary>
    private IEnumerable<IQueryable<Member>> DisjointRanges(List<string> terms)
    {
        IQueryable<Member> members = db.Users.AsNoTracking();
        var word = terms[0];
        var others = terms.Skip(1).ToList();
        return new[]
            {
                MemberPrefixSearch.ByFirstName(members, word),
                MemberPrefixSearch.NotByFirstName(MemberPrefixSearch.ByLastName(members, word), word),
                MemberPrefixSearch.NotByLastName(MemberPrefixSearch.NotByFirstName(MemberPrefixSearch.ByEmail(members, word), word), word),
            }
            .Select(range => others.Aggregate(range, MemberPrefixSearch.ByEmailOrName));
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
    /// Longest word first: the search reads the first word's index ranges and checks the others on each entry it
    /// finds, and a longer prefix usually finds fewer ("anna sch": the Annas, not every Schmidt and Schulz); see
    /// <see cref="WordsAsync"/> for when it does not.
    /// </summary>
    private static IEnumerable<string> Terms(string? search) =>
        (search ?? "")
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(MemberSearchColumns.Normalize)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxSearchTerms)
            .OrderByDescending(term => term.Length);

    /// <summary>What the search indexes hold of a member: the columns of the name and e-mail orders.</summary>
    internal sealed class SearchKey
    {
        public static readonly Expression<Func<Member, SearchKey>> Of = m => new SearchKey
        {
            Id = m.Id,
            LastName = EF.Property<string>(m, MemberSearchColumns.LastName),
            FirstName = EF.Property<string>(m, MemberSearchColumns.FirstName),
            Email = m.NormalizedEmail,
        };

        public Guid Id { get; init; }

        public string LastName { get; init; } = "";

        public string FirstName { get; init; } = "";

        public string? Email { get; init; }
    }

    /// <summary>The same orders as <see cref="Sorted(IQueryable{Member}, MemberSortColumn, bool)"/> for the name and e-mail columns.</summary>
    private static IOrderedQueryable<SearchKey> Sorted(IQueryable<SearchKey> keys, MemberSortColumn sort, bool descending) =>
        (sort, descending) switch
        {
            (MemberSortColumn.FirstName, false) => keys.OrderBy(k => k.FirstName).ThenBy(k => k.LastName).ThenBy(k => k.Id),
            (MemberSortColumn.FirstName, true) => keys.OrderByDescending(k => k.FirstName).ThenByDescending(k => k.LastName).ThenByDescending(k => k.Id),
            (MemberSortColumn.Email, false) => keys.OrderBy(k => k.Email).ThenBy(k => k.Id),
            (MemberSortColumn.Email, true) => keys.OrderByDescending(k => k.Email).ThenByDescending(k => k.Id),
            (MemberSortColumn.LastName, false) => keys.OrderBy(k => k.LastName).ThenBy(k => k.FirstName).ThenBy(k => k.Id),
            (MemberSortColumn.LastName, true) => keys.OrderByDescending(k => k.LastName).ThenByDescending(k => k.FirstName).ThenByDescending(k => k.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Only the name and e-mail orders are held by the search indexes."),
        };

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
