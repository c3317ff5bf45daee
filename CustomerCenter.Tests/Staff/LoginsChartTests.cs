using Bunit;
using CustomerCenter.AccessLog;
using CustomerCenter.Staff.Pages;
using CustomerCenter.Tests.Components;

namespace CustomerCenter.Tests.Staff;

/// <summary>The logins chart's scale: whole numbers on every line, grouped per culture, the busiest day inside it.</summary>
public sealed class LoginsChartTests : MudTestContext
{
    [Theory]
    [InlineData(0, new[] { "4", "3", "2", "1", "0" })]
    [InlineData(4, new[] { "4", "3", "2", "1", "0" })]
    [InlineData(5, new[] { "8", "6", "4", "2", "0" })]
    [InlineData(10, new[] { "12", "9", "6", "3", "0" })]
    [InlineData(50, new[] { "80", "60", "40", "20", "0" })]
    [InlineData(3_999, new[] { "4.000", "3.000", "2.000", "1.000", "0" })]
    public void Every_line_of_the_scale_is_a_whole_number_and_the_busiest_day_fits(int busiestDay, string[] expected)
    {
        using var culture = CultureScope.Use("de");

        var chart = Render<LoginsChart>(parameters => parameters.Add(c => c.Days, new[]
        {
            new LoginsPerDay(new DateOnly(2026, 12, 1), busiestDay, 0),
            new LoginsPerDay(new DateOnly(2026, 12, 2), 1, busiestDay / 2),
        }));

        Assert.Equal(expected, chart.FindAll(".logins-chart-axis span").Select(tick => tick.TextContent));
    }
}
