using Bunit;
using CustomerCenter.Localization;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Pages;
using CustomerCenter.Tests.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CustomerCenter.Tests.Staff;

/// <summary>A staff action says what happened to whom, in the staff user's language; a failure says nothing changed.</summary>
public sealed class MemberActionMessagesTests : MudTestContext
{
    [Theory]
    [InlineData("de", "Member_Locked", "Erika Neu ist gesperrt")]
    [InlineData("en", "Member_Locked", "Erika Neu is locked")]
    [InlineData("ja", "Member_Locked", "Erika Neuさんをロックしました")]
    [InlineData("de", "Member_Unlocked", "Erika Neu ist entsperrt")]
    [InlineData("en", "Member_ResetLinkSent", "on its way to erika.neu@example.de")]
    [InlineData("ja", "Member_InvitationResent", "erika.neu@example.deに送信しました")]
    [InlineData("de", "Member_Erased", "Erika Neu wurde gelöscht.")]
    public void A_done_action_names_the_member_and_what_happened(string language, string doneKey, string expected)
    {
        using var culture = CultureScope.Use(language);
        var provider = Render<MudSnackbarProvider>();

        StaffActionSnackbar.Show(Snackbars, Texts, StaffActionOutcome.Done, Texts[doneKey, "Erika Neu", "erika.neu@example.de"]);

        provider.WaitForAssertion(() => Assert.Contains(expected, provider.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Erledigt", provider.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "fehlgeschlagen")]
    [InlineData("en", "failed")]
    [InlineData("ja", "失敗しました")]
    public void A_failed_action_is_reported_as_failed_not_done(string language, string expected)
    {
        using var culture = CultureScope.Use(language);
        var provider = Render<MudSnackbarProvider>();

        StaffActionSnackbar.Show(Snackbars, Texts, StaffActionOutcome.Failed, Texts["Member_Locked", "Erika Neu", "erika.neu@example.de"]);

        provider.WaitForAssertion(() => Assert.Contains(expected, provider.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Erika Neu", provider.Markup, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, Assert.Single(Snackbars.ShownSnackbars).Severity);
    }

    private ISnackbar Snackbars => Services.GetRequiredService<ISnackbar>();

    private IStringLocalizer<Texts> Texts => Services.GetRequiredService<IStringLocalizer<Texts>>();
}
