using CustomerCenter.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CustomerCenter.Staff.Pages;

internal static class StaffActionSnackbar
{
    /// <summary>Says what came of a staff action: <paramref name="done"/>, or why nothing was changed.</summary>
    public static void Show(ISnackbar snackbar, IStringLocalizer<Texts> texts, StaffActionOutcome outcome, string done)
    {
        if (outcome == StaffActionOutcome.Done)
        {
            snackbar.Add(done, Severity.Success);
        }
        else
        {
            // Nothing to do is not an error; everything else is a change that did not happen.
            snackbar.Add(texts[$"StaffAction_{outcome}"], outcome == StaffActionOutcome.AlreadyOnTeam ? Severity.Info : Severity.Error);
        }
    }
}
