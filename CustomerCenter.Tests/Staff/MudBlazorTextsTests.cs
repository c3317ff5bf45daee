using Bunit;
using CustomerCenter.Tests.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CustomerCenter.Tests.Staff;

/// <summary>MudBlazor's own texts (here: the data grid's pager) follow the portal's language.</summary>
public sealed class MudBlazorTextsTests : MudTestContext
{
    private static readonly string[] Emails = ["anna@example.de", "jens@example.de"];

    [Theory]
    [InlineData("de", "Zeilen pro Seite:", "1–2 von 2", "Nächste Seite")]
    [InlineData("en", "Rows per page:", "1–2 of 2", "Next page")]
    [InlineData("ja", "1 ページの行数:", "2 件中 1–2 件", "次のページ")]
    public void The_pager_speaks_the_portals_language(string language, string rowsPerPage, string info, string nextPage)
    {
        using var culture = CultureScope.Use(language);

        var cut = Render<MudDataGrid<string>>(grid => grid
            .Add(g => g.Items, Emails)
            .Add(g => g.Columns, (RenderFragment)(builder =>
            {
                builder.OpenComponent<PropertyColumn<string, string>>(0);
                builder.AddAttribute(1, nameof(PropertyColumn<string, string>.Property), (System.Linq.Expressions.Expression<Func<string, string>>)(s => s));
                builder.CloseComponent();
            }))
            .Add(g => g.PagerContent, (RenderFragment)(builder =>
            {
                builder.OpenComponent<MudDataGridPager<string>>(0);
                builder.CloseComponent();
            })));

        var pager = cut.Find(".mud-table-pagination");
        Assert.Contains(rowsPerPage, pager.TextContent, StringComparison.Ordinal);
        Assert.Contains(info, pager.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find($"button[aria-label='{nextPage}']"));
    }
}
