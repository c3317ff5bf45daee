using CustomerCenter.Accounts;
using CustomerCenter.Data;
using CustomerCenter.Tests.AccessLog;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCenter.Tests.Data;

/// <summary>
/// Prefixes match by code points on both providers. The PostgreSQL run's databases sort text as German (ICU de-DE),
/// where Ä weighs as A: without the "C" collation on the search columns, "ab" would find Äbert.
/// </summary>
public sealed class MemberPrefixSearchTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_name_prefix_finds_the_names_that_start_with_it_and_no_look_alikes()
    {
        await portal.AddMemberAsync("abel@prefix.example", firstName: "Jan", lastName: "Abel");
        await portal.AddMemberAsync("aebert@prefix.example", firstName: "Jan", lastName: "Äbert");
        await portal.AddMemberAsync("a-bz@prefix.example", firstName: "Jan", lastName: "A-Bz");

        Assert.Equal(["Abel"], await LastNamesAsync("ab"));
        Assert.Equal(["Äbert"], await LastNamesAsync("äb"));
        Assert.Equal(["A-Bz"], await LastNamesAsync("a-b"));
    }

    [Fact]
    public async Task An_e_mail_prefix_finds_the_addresses_that_start_with_it_and_no_look_alikes()
    {
        await portal.AddMemberAsync("hanna.s@mail.example");
        await portal.AddMemberAsync("hanna-t@mail.example");
        await portal.AddMemberAsync("hännah@mail.example");

        Assert.Equal(["hanna.s@mail.example"], await EmailsAsync("hanna."));
        Assert.Equal(["hanna-t@mail.example", "hanna.s@mail.example"], await EmailsAsync("hanna"));
    }

    private async Task<List<string>> LastNamesAsync(string prefix)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        var names = await MemberPrefixSearch.ByEmailOrName(db.Users.Where(m => m.Email!.EndsWith("@prefix.example")), MemberSearchColumns.Normalize(prefix))
            .Select(m => m.LastName)
            .ToListAsync();
        return [.. names.Order(StringComparer.Ordinal)];
    }

    private async Task<List<string>> EmailsAsync(string prefix)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCenterDb>();
        var normalizer = scope.ServiceProvider.GetRequiredService<ILookupNormalizer>();
        var emails = await MemberPrefixSearch.ByEmail(db.Users, normalizer.NormalizeEmail(prefix))
            .Select(m => m.Email!)
            .ToListAsync();
        return [.. emails.Order(StringComparer.Ordinal)];
    }
}
