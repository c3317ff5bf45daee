using Bunit;
using CustomerCenter.Accounts;
using CustomerCenter.Staff;
using CustomerCenter.Support;
using CustomerCenter.Support.Pages.Staff;
using CustomerCenter.Tests.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CustomerCenter.Tests.Support;

/// <summary>The staff queue's filter bar hands the whole filter to the page at each change.</summary>
public sealed class SupportQueueFiltersTests : MudTestContext
{
    private static readonly Guid Erika = Guid.Parse("0190b0b0-0000-7000-8000-000000000001");

    private static readonly SupportTopic[] Topics =
    [
        new() { Key = "customer-center", Names = new() { ["de"] = "Kundenzentrum Support", ["en"] = "Customer center support", ["ja"] = "サポート" } },
        new() { Key = "japanmarkt", Names = new() { ["de"] = "JAPANMARKT Magazin", ["en"] = "JAPANMARKT magazine", ["ja"] = "JAPANMARKT誌" } },
    ];

    private static readonly StaffMember[] Staff = [new(Erika, "erika@chamber.example", "Erika Muster", MemberStatus.Active, StaffRoles.Staff)];

    [Fact]
    public void Choosing_a_topic_then_a_status_hands_back_both()
    {
        using var culture = CultureScope.Use("de");
        var changes = new List<SupportQueueFilter>();
        var cut = RenderFilters(new SupportQueueFilter(), changes.Add);

        cut.Choose("Thema", "JAPANMARKT Magazin");
        cut.Choose("Status", "Wartet auf Mitglied");

        cut.WaitForAssertion(() => Assert.Equal(2, changes.Count));
        Assert.Equal(new SupportQueueFilter { TopicKey = "japanmarkt", Status = SupportRequestStatus.WaitingForMember }, changes[^1]);
    }

    [Fact]
    public void Assignee_and_age_filters_hand_back_ids_and_days_and_all_clears_them()
    {
        using var culture = CultureScope.Use("en");
        var changes = new List<SupportQueueFilter>();
        var cut = RenderFilters(new SupportQueueFilter(), changes.Add);

        cut.Choose("Assignee", "Erika Muster");
        cut.Choose("Age", "Older than 7 days");
        cut.WaitForAssertion(() => Assert.Equal(2, changes.Count));
        Assert.Equal(new SupportQueueFilter { AssigneeId = Erika, MinAgeDays = 7 }, changes[^1]);

        cut.Choose("Assignee", "Nobody");
        cut.WaitForAssertion(() => Assert.Equal(3, changes.Count));
        Assert.Equal(SupportQueueFilter.Unassigned, changes[^1].AssigneeId);

        cut.Choose("Age", "All");
        cut.WaitForAssertion(() => Assert.Equal(4, changes.Count));
        Assert.Null(changes[^1].MinAgeDays);
    }

    [Fact]
    public void The_fields_show_the_filter_they_are_given_in_japanese()
    {
        using var culture = CultureScope.Use("ja");

        var cut = RenderFilters(new SupportQueueFilter { TopicKey = "japanmarkt", Status = SupportRequestStatus.Closed }, _ => { });

        Assert.Equal("JAPANMARKT誌", cut.Combobox("トピック").TextContent.Trim());
        Assert.Equal("終了", cut.Combobox("状況").TextContent.Trim());
    }

    private IRenderedComponent<IComponent> RenderFilters(SupportQueueFilter filter, Action<SupportQueueFilter> changed) =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<SupportQueueFilters>(1);
            builder.AddAttribute(2, nameof(SupportQueueFilters.Topics), (IReadOnlyList<SupportTopic>)Topics);
            builder.AddAttribute(3, nameof(SupportQueueFilters.Assignees), (IReadOnlyList<StaffMember>)Staff);
            builder.AddAttribute(4, nameof(SupportQueueFilters.Filter), filter);
            builder.AddAttribute(5, nameof(SupportQueueFilters.FilterChanged), EventCallback.Factory.Create(this, changed));
            builder.CloseComponent();
        });
}
