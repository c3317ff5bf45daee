using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CustomerCenter.Tests.Browser;

/// <summary>axe-core (Deque.AxeCore.Playwright) over one page, WCAG 2.2 A and AA rules; what the issue counts are serious and critical findings.</summary>
internal static class AxeScan
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    /// <summary>One line per serious or critical violation: page, rule, and the elements it was found on.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe(Wcag22AA);
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: {v.Id} ({v.Impact}) on {string.Join(" | ", v.Nodes.Take(3).Select(n => $"{n.Target} {Shorten(n.Html)}"))}")];
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
