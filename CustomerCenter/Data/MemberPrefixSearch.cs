using System.Linq.Expressions;
using CustomerCenter.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Data;

/// <summary>
/// Case-insensitive prefix matches on the normalized (upper-case) e-mail and name columns, written as a range
/// (<c>column &gt;= 'SCHM' AND column &lt; 'SCHN'</c>) so that SQLite and PostgreSQL answer from the column's index.
/// LIKE could not: SQLite uses an index for LIKE only on NOCASE columns, PostgreSQL only with text_pattern_ops.
/// </summary>
public static class MemberPrefixSearch
{
    /// <summary>Members whose normalized e-mail starts with <paramref name="normalizedPrefix"/>.</summary>
    public static IQueryable<Member> ByEmail(IQueryable<Member> members, string normalizedPrefix)
    {
        ArgumentNullException.ThrowIfNull(members);
        return normalizedPrefix.Length == 0 ? members : members.Where(StartsWith(m => m.NormalizedEmail!, normalizedPrefix));
    }

    /// <summary>Members whose normalized first name starts with <paramref name="normalizedPrefix"/>.</summary>
    public static IQueryable<Member> ByFirstName(IQueryable<Member> members, string normalizedPrefix)
    {
        ArgumentNullException.ThrowIfNull(members);
        return normalizedPrefix.Length == 0 ? members : members.Where(StartsWith(m => EF.Property<string>(m, MemberSearchColumns.FirstName), normalizedPrefix));
    }

    /// <summary>Members whose normalized last name starts with <paramref name="normalizedPrefix"/>.</summary>
    public static IQueryable<Member> ByLastName(IQueryable<Member> members, string normalizedPrefix)
    {
        ArgumentNullException.ThrowIfNull(members);
        return normalizedPrefix.Length == 0 ? members : members.Where(StartsWith(m => EF.Property<string>(m, MemberSearchColumns.LastName), normalizedPrefix));
    }

    /// <summary>Members whose normalized first name does not start with <paramref name="normalizedPrefix"/>.</summary>
    public static IQueryable<Member> NotByFirstName(IQueryable<Member> members, string normalizedPrefix)
    {
        ArgumentNullException.ThrowIfNull(members);
        return normalizedPrefix.Length == 0 ? members.Where(m => false) : members.Where(Not(StartsWith(m => EF.Property<string>(m, MemberSearchColumns.FirstName), normalizedPrefix)));
    }

    /// <summary>Members whose normalized last name does not start with <paramref name="normalizedPrefix"/>.</summary>
    public static IQueryable<Member> NotByLastName(IQueryable<Member> members, string normalizedPrefix)
    {
        ArgumentNullException.ThrowIfNull(members);
        return normalizedPrefix.Length == 0 ? members.Where(m => false) : members.Where(Not(StartsWith(m => EF.Property<string>(m, MemberSearchColumns.LastName), normalizedPrefix)));
    }

    /// <summary>Members whose normalized e-mail, first name or last name starts with <paramref name="normalizedPrefix"/>.</summary>
    public static IQueryable<Member> ByEmailOrName(IQueryable<Member> members, string normalizedPrefix)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (normalizedPrefix.Length == 0)
        {
            return members;
        }

        var member = Expression.Parameter(typeof(Member), "m");
        var any = new[]
            {
                StartsWith(m => m.NormalizedEmail!, normalizedPrefix),
                StartsWith(m => EF.Property<string>(m, MemberSearchColumns.FirstName), normalizedPrefix),
                StartsWith(m => EF.Property<string>(m, MemberSearchColumns.LastName), normalizedPrefix),
            }
            .Select(test => new ReplaceParameter(test.Parameters[0], member).Visit(test.Body))
            .Aggregate(Expression.OrElse);
        return members.Where(Expression.Lambda<Func<Member, bool>>(any, member));
    }

    private static Expression<Func<Member, bool>> Not(Expression<Func<Member, bool>> test) =>
        Expression.Lambda<Func<Member, bool>>(Expression.Not(test.Body), test.Parameters);

    private static Expression<Func<Member, bool>> StartsWith(Expression<Func<Member, string>> column, string prefix)
    {
        var upper = UpperBound(prefix);
        Expression<Func<string, bool>> test = upper is null
            ? value => value.StartsWith(prefix)
            : value => value.CompareTo(prefix) >= 0 && value.CompareTo(upper) < 0;
        var body = new ReplaceParameter(test.Parameters[0], column.Body).Visit(test.Body);
        return Expression.Lambda<Func<Member, bool>>(body, column.Parameters);
    }

    /// <summary>
    /// The smallest string above every string that starts with the prefix, in code-point order (which is UTF-8 byte
    /// order, SQLite's BINARY collation and PostgreSQL's "C"): the prefix with its last character raised by one.
    /// Null where that is no valid character (surrogates, U+FFFF); the caller then falls back to a plain StartsWith.
    /// </summary>
    private static string? UpperBound(string prefix)
    {
        var last = prefix[^1];
        return last >= '\uD7FF' && last <= '\uDFFF' || last == '\uFFFF'
            ? null
            : string.Concat(prefix.AsSpan(0, prefix.Length - 1), [(char)(last + 1)]);
    }

    private sealed class ReplaceParameter(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
