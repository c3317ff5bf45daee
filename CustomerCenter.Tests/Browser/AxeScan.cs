using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CustomerCenter.Tests.Browser;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) over one page, WCAG 2.2 A and AA rules and best practices. What counts: every
/// serious and critical finding, and the rules the staff-area review named whatever axe rates them (a page without a
/// <c>main</c> landmark, content outside landmarks, an empty table header are "moderate" or "minor" to axe).
/// </summary>
internal static class AxeScan
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    private static readonly HashSet<string> NamedRules = ["landmark-one-main", "region", "empty-table-header"];

    /// <summary>One line per violation that counts: page, rule, and the elements it was found on.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe(Wcag22AA);
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical" || NamedRules.Contains(v.Id))
            .Select(v => $"{name}: {v.Id} ({v.Impact}) on {string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Target} {Shorten(n.Html)}"))}")];
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
