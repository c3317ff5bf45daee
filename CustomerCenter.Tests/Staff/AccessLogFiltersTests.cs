using AngleSharp.Dom;
using Bunit;
using CustomerCenter.AccessLog;
using CustomerCenter.Staff;
using CustomerCenter.Staff.Pages;
using CustomerCenter.Tests.Components;
using MudBlazor;

namespace CustomerCenter.Tests.Staff;

/// <summary>
/// The access log's filter bar: it shows the filter it is given (its end is exclusive, the picker shows the last day
/// included) and hands back the filter the staff user picked, in whole days of their time zone (UTC when unknown).
/// </summary>
public sealed class AccessLogFiltersTests : MudTestContext
{
    private static readonly DateTime March1 = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime April1 = new(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_fields_show_the_filter_with_the_last_day_included_as_the_end()
    {
        using var culture = CultureScope.Use("de");

        var cut = RenderFilters(new AccessLogFilter
        {
            From = March1,
            To = April1,
            Kinds = [AccessEventKind.LoginFailed],
            Outcome = AccessEventOutcome.Failed,
            Email = "anna@",
        });

        Assert.Equal("01.03.2026", Input(cut, "Von").GetAttribute("value"));
        Assert.Equal("31.03.2026", Input(cut, "Bis").GetAttribute("value"));
        Assert.Equal("Anmeldung fehlgeschlagen", Chosen(cut, "Ereignis"));
        Assert.Equal("Fehlgeschlagen", Chosen(cut, "Ergebnis"));
        Assert.Equal("anna@", Input(cut, "E-Mail-Adresse").GetAttribute("value"));
    }

    [Theory]
    [InlineData("en", "From", "3/1/2026")]
    [InlineData("ja", "開始日", "2026/03/01")]
    public void Dates_are_shown_in_the_culture_s_format(string language, string label, string expected)
    {
        using var culture = CultureScope.Use(language);

        var cut = RenderFilters(new AccessLogFilter { From = March1, To = April1 });

        Assert.Equal(expected, Input(cut, label).GetAttribute("value"));
    }

    [Fact]
    public void A_date_typed_in_the_culture_s_format_is_a_day_in_the_staff_user_s_time_zone()
    {
        using var culture = CultureScope.Use("de");
        var applied = new List<AccessLogFilter>();
        var tokyo = ViewerTimeZone.For("Asia/Tokyo")!;
        var cut = RenderFilters(AccessLogFilter.All, applied.Add, tokyo);

        Input(cut, "Von").Change("01.03.2026");
        Input(cut, "Bis").Change("31.03.2026");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(applied));
        // Midnight in Tokyo (UTC+9) is 15:00 UTC the day before.
        Assert.Equal(new DateTime(2026, 2, 28, 15, 0, 0, DateTimeKind.Utc), applied[0].From);
        Assert.Equal(new DateTime(2026, 3, 31, 15, 0, 0, DateTimeKind.Utc), applied[0].To);
    }

    [Fact]
    public void An_open_filter_leaves_the_fields_empty()
    {
        using var culture = CultureScope.Use("de");

        var cut = RenderFilters(AccessLogFilter.All);

        Assert.True(string.IsNullOrEmpty(Input(cut, "Von").GetAttribute("value")));
        Assert.True(string.IsNullOrEmpty(Input(cut, "Bis").GetAttribute("value")));
        Assert.Equal("", Chosen(cut, "Ereignis"));
        Assert.Equal("", Chosen(cut, "Ergebnis"));
        Assert.Equal(AccessLogFilter.All, cut.FindComponent<AccessLogFilters>().Instance.ToFilter());
    }

    [Fact]
    public void Choosing_an_outcome_and_applying_hands_back_the_filter_with_an_exclusive_utc_end()
    {
        using var culture = CultureScope.Use("de");
        var applied = new List<AccessLogFilter>();
        var cut = RenderFilters(new AccessLogFilter { From = March1, To = April1 }, applied.Add);

        Choose(cut, "Ergebnis", "Fehlgeschlagen");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(applied));
        var filter = applied[0];
        Assert.Equal(March1, filter.From);
        Assert.Equal(DateTimeKind.Utc, filter.From!.Value.Kind);
        Assert.Equal(April1, filter.To);
        Assert.Equal(DateTimeKind.Utc, filter.To!.Value.Kind);
        Assert.Equal(AccessEventOutcome.Failed, filter.Outcome);
        Assert.Null(filter.Kinds);
        Assert.Null(filter.Email);
    }

    [Fact]
    public void An_event_kind_and_an_email_typed_with_spaces_are_applied_trimmed()
    {
        using var culture = CultureScope.Use("de");
        var applied = new List<AccessLogFilter>();
        var cut = RenderFilters(AccessLogFilter.All, applied.Add);

        Choose(cut, "Ereignis", "Von Mitarbeitenden gesperrt");
        Input(cut, "E-Mail-Adresse").Change("  Anna@Example.de ");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(applied));
        var filter = applied[0];
        Assert.Equal([AccessEventKind.MemberLocked], filter.Kinds);
        Assert.Equal("Anna@Example.de", filter.Email);
        Assert.Null(filter.Outcome);
        Assert.Null(filter.From);
        Assert.Null(filter.To);
    }

    [Fact]
    public void Applying_an_unchanged_filter_hands_back_the_same_range()
    {
        using var culture = CultureScope.Use("de");
        var applied = new List<AccessLogFilter>();
        var given = new AccessLogFilter { From = March1, To = April1, Outcome = AccessEventOutcome.Succeeded };
        var cut = RenderFilters(given, applied.Add);

        cut.Find("form").Submit();

        Assert.Equal(given, Assert.Single(applied));
    }

    [Theory]
    [InlineData("de", "Von", "1.3.26", "01.03.2026")]
    [InlineData("en", "From", "3/1/26", "3/1/2026")]
    [InlineData("ja", "開始日", "2026/3/1", "2026/03/01")]
    public void A_date_typed_short_reads_back_in_the_culture_s_format(string language, string label, string typed, string shown)
    {
        using var culture = CultureScope.Use(language);
        var applied = new List<AccessLogFilter>();
        var cut = RenderFilters(AccessLogFilter.All, applied.Add);

        Input(cut, label).Change(typed);
        cut.Find("form").Submit();

        Assert.Equal(shown, Input(cut, label).GetAttribute("value"));
        Assert.Equal(March1, Assert.Single(applied).From);
    }

    [Fact]
    public void A_date_that_cannot_be_read_is_named_with_an_example_and_nothing_is_applied()
    {
        using var culture = CultureScope.Use("de");
        var applied = new List<AccessLogFilter>();
        var cut = RenderFilters(new AccessLogFilter { From = March1, To = April1 }, applied.Add);

        Input(cut, "Bis").Change("31.02.2026");
        cut.Find("form").Submit();

        Assert.Empty(applied);
        var field = Input(cut, "Bis");
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        var message = cut.Find($"#{field.GetAttribute("aria-describedby")}");
        Assert.Equal("Kein gültiges Datum. Bitte so eingeben: 31.12.2026", message.TextContent.Trim());

        Input(cut, "Bis").Change("30.03.2026");
        cut.Find("form").Submit();

        Assert.False(Input(cut, "Bis").HasAttribute("aria-invalid"));
        Assert.Empty(cut.FindAll("[data-testid=to-error]"));
        Assert.Equal(new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc), Assert.Single(applied).To);
    }

    [Fact]
    public void A_day_picked_in_the_calendar_is_shown_in_the_culture_s_format_and_applied()
    {
        using var culture = CultureScope.Use("de");
        var applied = new List<AccessLogFilter>();
        var cut = RenderFilters(new AccessLogFilter { From = March1, To = April1 }, applied.Add);
        // Closed, the fields hold no MudBlazor picker: its components would stay in every open page's circuit.
        Assert.Empty(cut.FindComponents<MudDatePicker>());
        var open = cut.Find("button[aria-label='Kalender für „Von“']");
        Assert.Equal("false", open.GetAttribute("aria-expanded"));

        open.Click();
        Assert.Equal("true", cut.Find("button[aria-label='Kalender für „Von“']").GetAttribute("aria-expanded"));
        Assert.Contains("März", cut.Find("#access-log-from-calendar").TextContent, StringComparison.Ordinal);
        cut.FindAll("#access-log-from-calendar button.mud-day").Single(day => day.TextContent.Trim() == "15").Click();

        Assert.Empty(cut.FindComponents<MudDatePicker>());
        Assert.Equal("15.03.2026", Input(cut, "Von").GetAttribute("value"));
        cut.Find("form").Submit();
        Assert.Equal(new DateTime(2026, 3, 15, 0, 0, 0, DateTimeKind.Utc), Assert.Single(applied).From);
    }

    private IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> RenderFilters(
        AccessLogFilter value, Action<AccessLogFilter>? applied = null, ViewerTimeZone? zone = null) =>
        Render(builder =>
        {
            // Date pickers open in the popover provider, as in the staff layout.
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<AccessLogFilters>(1);
            builder.AddAttribute(2, nameof(AccessLogFilters.Value), value);
            builder.AddAttribute(4, nameof(AccessLogFilters.Zone), zone ?? ViewerTimeZone.Unknown);
            if (applied is not null)
            {
                builder.AddAttribute(3, nameof(AccessLogFilters.ValueChanged), Microsoft.AspNetCore.Components.EventCallback.Factory.Create(this, applied));
            }

            builder.CloseComponent();
        });

    /// <summary>The input or select a label points at.</summary>
    private static IElement Input(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string label)
    {
        var id = cut.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for");
        return cut.Find($"#{id}");
    }

    /// <summary>Picks an entry of a select list by its text, as a person would.</summary>
    private static void Choose(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string label, string entry)
    {
        var select = Input(cut, label);
        select.Change(select.QuerySelectorAll("option").Single(o => o.TextContent.Trim() == entry).GetAttribute("value"));
    }

    /// <summary>The text of the entry a select list shows.</summary>
    private static string Chosen(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string label)
    {
        var select = Input(cut, label);
        var value = select.GetAttribute("value") ?? "";
        return value == "" ? "" : select.QuerySelectorAll("option").Single(o => o.GetAttribute("value") == value).TextContent.Trim();
    }
}
