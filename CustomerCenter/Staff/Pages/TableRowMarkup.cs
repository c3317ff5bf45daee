using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace CustomerCenter.Staff.Pages;

/// <summary>
/// One row of a staff table as finished HTML, in MudBlazor's table classes. Written as markup it is one render frame;
/// as elements, attributes and texts it is about forty, and every open page's circuit keeps each frame twice for as long
/// as the page is open (bench/staff-circuits). Everything that comes from data is HTML-encoded here.
/// </summary>
internal sealed class TableRowMarkup
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;
    private readonly StringBuilder html = new("<tr class=\"mud-table-row\">");

    /// <summary>
    /// A cell with plain text. <paramref name="label"/> heads the cell when the table is stacked on a phone;
    /// <paramref name="cellClass"/> is the column's own class (<c>staff-wide-only</c>, <c>staff-wrap-anywhere</c>).
    /// </summary>
    public TableRowMarkup Text(string label, string? text, string? cellClass = null) => Cell(label, Encoder.Encode(text ?? ""), cellClass);

    /// <summary>A cell with markup made by this application (never from data).</summary>
    public TableRowMarkup Markup(string label, MarkupString markup, string? cellClass = null) => Cell(label, markup.Value, cellClass);

    public TableRowMarkup Link(string label, string href, string text, string? cellClass = null) =>
        Cell(label, $"<a class=\"mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body2\" href=\"{Encoder.Encode(href)}\">{Encoder.Encode(text)}</a>", cellClass);

    /// <summary>A small filled chip in one of MudBlazor's chip colours (<c>mud-chip-color-error</c> …).</summary>
    public TableRowMarkup Chip(string label, string colourClass, string text) =>
        Cell(label, $"<span class=\"mud-chip mud-chip-filled mud-chip-size-small staff-event-chip {Encoder.Encode(colourClass)}\"><span class=\"mud-chip-content\">{Encoder.Encode(text)}</span></span>");

    /// <summary>Secondary text with a test id, for what a cell says instead of a value ("unknown address").</summary>
    public TableRowMarkup Note(string label, string text, string testId, string? cellClass = null) =>
        Cell(label, $"<span class=\"mud-typography mud-typography-body2 mud-text-secondary\" data-testid=\"{Encoder.Encode(testId)}\">{Encoder.Encode(text)}</span>", cellClass);

    public MarkupString ToMarkup() => new(html.Append("</tr>").ToString());

    private TableRowMarkup Cell(string label, string content, string? cellClass = null)
    {
        html.Append("<td class=\"mud-table-cell");
        if (cellClass is not null)
        {
            html.Append(' ').Append(Encoder.Encode(cellClass));
        }

        html.Append("\" data-label=\"").Append(Encoder.Encode(label)).Append("\">").Append(content).Append("</td>");
        return this;
    }
}
