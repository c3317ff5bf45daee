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
            snackbar.Add(texts[$"StaffAction_{outcome}"], Severity.Error);
        }
    }
}
