using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CustomerCenter.Localization;

/// <summary>
/// MudBlazor's own texts (pager, date picker, close buttons) in the portal's languages, from Texts.resx under
/// MudBlazor's keys (MudDataGridPager_RowsPerPage, …). A key the portal does not translate answers "not found", and
/// MudBlazor then uses its English text.
/// </summary>
internal sealed class PortalMudLocalizer(IStringLocalizer<Texts> texts) : MudLocalizer
{
    public override LocalizedString this[string key] => Translate(texts[key]);

    public override LocalizedString this[string key, params object[] arguments] => Translate(texts[key, arguments]);

    private static LocalizedString Translate(LocalizedString text) =>
        text.ResourceNotFound ? new LocalizedString(text.Name, text.Name, resourceNotFound: true) : text;
}
