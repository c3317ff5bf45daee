using System.Security.Claims;
using Bunit;
using CustomerCenter.Federation;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Pages;
using CustomerCenter.Tests.Components;
using CustomerCenter.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static CustomerCenter.Tests.AccessLog.AccessLogTestData;

namespace CustomerCenter.Tests.Staff;

/// <summary>The register form of /staff/sites: messages beside the fields, nothing typed lost, the secret shown once.</summary>
public sealed class SiteRegisterFormTests : MudTestContext
{
    private readonly PortalFactory portal = new();

    [Fact]
    public async Task Bad_addresses_get_a_message_beside_the_field_and_keep_what_was_typed()
    {
        using var culture = CultureScope.Use("en");
        var form = await RenderFormAsync();

        form.Find("#site-name").Change("Shop");
        form.Find("#site-redirects").Change("http://shop.example/cb\nhttps://shop.example/*");
        form.Find("form").Submit();

        Assert.Equal("true", form.Find("#site-redirects").GetAttribute("aria-invalid"));
        Assert.Contains("Each address must start with https://", form.Find("#site-redirects-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("Shop", form.Find("#site-name").GetAttribute("value"));
        Assert.Equal("http://shop.example/cb\nhttps://shop.example/*", form.Find("#site-redirects").GetAttribute("value"));
        Assert.Empty(form.FindAll("[data-testid=secret]"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AccessEvents.CountAsync(e => e.Kind == CustomerCenter.AccessLog.AccessEventKind.SiteRegistered)));
    }

    [Fact]
    public async Task A_missing_name_is_asked_for_in_german()
    {
        using var culture = CultureScope.Use("de");
        var form = await RenderFormAsync();

        form.Find("#site-redirects").Change("https://shop.example/cb");
        form.Find("form").Submit();

        Assert.Contains("Geben Sie den Namen der Website ein", form.Find("#site-name-error").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secret_is_shown_once_after_registering()
    {
        using var culture = CultureScope.Use("en");
        var form = await RenderFormAsync();

        form.Find("#site-name").Change("Shop");
        form.Find("#site-redirects").Change("https://shop.example/cb");
        form.Find("form").Submit();

        var secret = form.WaitForElement("[data-testid=secret]").TextContent;
        Assert.True(secret.Length >= 43);
        var clientId = form.Find("[data-testid=client-id]").TextContent;
        Assert.True(await portal.WithDbAsync(db => db.AccessEvents.AnyAsync(e => e.SiteClientId == clientId)));

        form.Find("[data-testid=registered] button").Click();

        Assert.Empty(form.FindAll("[data-testid=secret]"));
        Assert.DoesNotContain(secret, form.Markup, StringComparison.Ordinal);
        Assert.Equal("", form.Find("#site-name").GetAttribute("value") ?? "");
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await portal.DisposeAsync();
    }

    private async Task<IRenderedComponent<SiteRegisterForm>> RenderFormAsync()
    {
        var admin = await portal.AddMemberAsync($"sites.admin.{Guid.NewGuid():N}@chamber.example", "Hanna", "Schmidt", role: StaffRoles.Admin, password: MemberJourney.GoodPassword);
        Services.AddScoped(_ => portal.Services.CreateScope().ServiceProvider.GetRequiredService<SiteEdits>());
        AddAuthorization().SetAuthorized(admin.Email!).SetRoles(StaffRoles.Admin)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, admin.Id.ToString()));
        Render<MudSnackbarProvider>();
        return Render<SiteRegisterForm>();
    }
}
