using System.Text.Json;
using CustomerCenter.AccessLog;
using CustomerCenter.Data;
using CustomerCenter.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerCenter.Accounts;

/// <summary>The member's rights over their data: access and portability (GDPR Art. 15/20) and erasure (Art. 17).</summary>
public sealed class MemberDataRights(
    CustomerCenterDb db, UserManager<Member> users, MemberSignIn signIn, AccessEventRecorder accessLog, SupportDataExport supportRequests,
    IEnumerable<IMemberGrants> grants)
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IReadOnlyList<AccessEvent>> RecentEventsAsync(Guid memberId, int count, CancellationToken cancellationToken) =>
        await db.AccessEvents.AsNoTracking()
            .Where(e => e.MemberId == memberId)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(count)
            .ToListAsync(cancellationToken);

    /// <summary>Everything stored about the member, as JSON.</summary>
    public async Task<byte[]> ExportAsync(Member member, CancellationToken cancellationToken)
    {
        var events = await db.AccessEvents.AsNoTracking()
            .Where(e => e.MemberId == member.Id)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new { e.OccurredAt, Kind = e.Kind.ToString(), e.IpAddress, e.UserAgent })
            .ToListAsync(cancellationToken);
        var sessions = await db.MemberSessions.AsNoTracking()
            .Where(s => s.MemberId == member.Id)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new { s.CreatedAt, s.LastSeenAt, s.EndedAt, s.Browser, s.OperatingSystem, s.Network })
            .ToListAsync(cancellationToken);
        var roles = await users.GetRolesAsync(member);
        var requests = await supportRequests.ForMemberAsync(member.Id, cancellationToken);
        var sites = new List<GrantedSite>();
        foreach (var granted in grants)
        {
            sites.AddRange(await granted.ExportAsync(member.Id, cancellationToken));
        }
        var export = new
        {
            Member = new
            {
                member.Id,
                member.Email,
                member.FirstName,
                member.LastName,
                member.Language,
                Status = member.Status.ToString(),
                member.InvitedAt,
                member.RegisteredAt,
                member.FirstLoginAt,
                member.LastLoginAt,
                Consent = new { member.TermsVersion, member.TermsAcceptedAt, member.PrivacyVersion, member.PrivacyAcceptedAt },
                Roles = roles,
                FailedLoginsSinceLastSuccess = member.AccessFailedCount,
                LockedOutUntil = member.LockoutEnd,
                member.NotifyOfNewDevices,
            },
            Sessions = sessions,
            AccessEvents = events,
            SupportRequests = requests,
            SiteAuthorizations = sites,
        };
        return JsonSerializer.SerializeToUtf8Bytes(export, ExportJson);
    }

    /// <summary>
    /// Deletes the member after a password check; their access events stay, without the reference to them. The
    /// deletion and its event are one transaction, so a deletion Identity refuses is neither done nor logged as done;
    /// the member is signed out once it is committed (their sessions went with them).
    /// </summary>
    public async Task<ErasureOutcome> EraseAsync(Member member, string password)
    {
        if (!await users.CheckPasswordAsync(member, password))
        {
            return ErasureOutcome.WrongPassword;
        }

        // The same form sent twice at once: the one that lost finds the member already erased, which is what was asked.
        if (!await TryEraseAsync(member) && await users.FindByIdAsync(member.Id.ToString()) is not null)
        {
            return ErasureOutcome.Failed;
        }

        await signIn.SignOutAsync(member: null);
        return ErasureOutcome.Erased;
    }

    private async Task<bool> TryEraseAsync(Member member)
    {
        await using var unit = await UnitOfWork.BeginAsync(db);
        foreach (var granted in grants)
        {
            await granted.DeleteAllAsync(member.Id);
        }

        if (!(await users.DeleteAsync(member)).Succeeded)
        {
            return false;
        }

        await accessLog.RecordAsync(AccessEventKind.AccountErased, memberId: null);
        await unit.CommitAsync();
        return true;
    }
}
