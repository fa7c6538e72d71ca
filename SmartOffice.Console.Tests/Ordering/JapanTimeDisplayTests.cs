using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using SmartOffice.Console.Components.Pages.FaxInbox;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Console.Components.Shared;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// Every time shown to a person is Japan time (docs/text-and-order-rules.md), whatever offset the instant carries: instants
/// come back from the database as UTC. A FAX received at 15:31 JST is 06:31 UTC.
/// </summary>
public sealed class JapanTimeDisplayTests : IAsyncLifetime
{
    /// <summary>15:31 in Tokyo, as the database gives it back: a UTC instant.</summary>
    private static readonly DateTimeOffset ReceivedUtc = TestDatabase.JapanTime(2026, 11, 25, 15, 31).ToUniversalTime();

    private readonly BunitContext _context = new();

    public Task InitializeAsync()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        // The server's own zone must not matter: the clock says Tokyo, the process may run in UTC.
        var time = new FakeTimeProvider(TestDatabase.JapanTime(2026, 11, 25, 16, 0));
        _context.Services.AddSingleton(new BusinessClock(time, Options.Create(new RulesOptions())));
        _context.Services.AddScoped<HistoryFormatter>();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _context.DisposeAsync().AsTask();

    [Fact]
    public void The_possible_duplicate_on_order_entry_says_when_the_first_FAX_came_in_Japan_time()
    {
        var quote = new FaxOrderQuote([], 3000, 0, ShippingFeeReason.FreeOverThreshold, new SlipTax([]), 3300, 30, false, [], null,
            new BudgetCheck(BudgetStatus.NoBudget, null, 0, 3000), [new PossibleDuplicate(1, "F2611250000001", ReceivedUtc,
                "田中 美咲")], []);

        var summary = _context.Render<OrderSummary>(p => p.Add(x => x.Quote, quote));

        var warning = summary.Find("[data-testid=summary-duplicate]").TextContent;
        Assert.Contains("15:31", warning);
        Assert.DoesNotContain("06:31", warning);
    }

    [Fact]
    public void A_history_shows_instants_it_recorded_in_Japan_time()
    {
        var entry = new AuditEntry
        {
            At = ReceivedUtc, StaffId = "desk", StaffName = "田中 美咲", Action = "Ordering.FaxOrderCorrected", EntityType = "Order",
                EntityId = "F1",
            Before = """{"OrderNumber":"F1","ReceivedAt":"2026-11-25T06:21:00+00:00"}""",
            After = """{"OrderNumber":"F1","ReceivedAt":"2026-11-25T06:31:00+00:00"}""",
        };

        var table = _context.Render<AuditTable>(p => p.Add(x => x.Entries, [entry]));

        var row = table.Find("tbody tr").TextContent;
        Assert.Contains("2026/11/25 (水) 15:31", row);
        Assert.Contains("2026/11/25 (水) 15:21 → 2026/11/25 (水) 15:31", row);
        Assert.DoesNotContain("06:31", row);
    }

    [Fact]
    public void The_FAX_queues_cutoff_is_Japan_time_whatever_offset_it_carries()
    {
        var cutoffUtc = TestDatabase.JapanTime(2026, 11, 26, 17, 0).ToUniversalTime();

        var cell = _context.Render<FaxCutoffCell>(p => p.Add(x => x.Cutoff, new FaxCutoff(cutoffUtc, new DateOnly(2026, 11, 26), true, 1500,
            "本州")));

        var text = cell.Find("[data-testid=fax-cutoff]");
        Assert.Contains("17:00", text.TextContent);
        Assert.Contains("17:00", text.GetAttribute("title"));
        Assert.DoesNotContain("08:00", text.TextContent);
    }
}
