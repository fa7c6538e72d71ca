using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartOffice.Console.Components.Pages.FaxInbox;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>
/// The FAX queue (/fax) rendered with bunit over the real inbox service and a real SQLite file: what each row offers depends on
/// its state and on who looks — a new FAX is claimed, one's own is opened or released, another agent's is left alone unless a
/// supervisor releases it — and another agent's claim shows in the row without a reload.
/// </summary>
public sealed class FaxQueuePageTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly FaxFolders _folders = new();
    private static readonly TestStaff Other = FaxInboxTestData.Agent(2);
    private int _new, _mine, _others;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var department = await _database.AddCustomerAsync("D1", "10000013");
        _new = await _database.AddFaxAsync(TestDatabase.JapanTime(2026, 11, 25, 9, 0), "0311113333", department.CustomerId, FaxKind.Order);
        _mine = await _database.AddFaxAsync(TestDatabase.JapanTime(2026, 11, 25, 9, 10), "0311113333", department.CustomerId,
            FaxKind.Order);
        _others = await _database.AddFaxAsync(TestDatabase.JapanTime(2026, 11, 25, 9, 20), "0399990000");
        await Inbox(TestStaff.DeskAgent).ClaimAsync(_mine);
        await Inbox(Other).ClaimAsync(_others);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folders.Dispose();
    }

    private FaxInboxService Inbox(ICurrentStaff staff) => _database.Inbox(staff, _folders.Options());

    private BunitContext Context(ICurrentStaff staff)
    {
        var context = new BunitContext().ForComponents();
        context.Services.AddSingleton<TimeProvider>(_database.Clock);
        context.Services.AddSingleton(_database.BusinessClock);
        context.Services.AddSingleton(staff);
        context.Services.AddSingleton(Inbox(staff));
        context.Services.AddSingleton(_database.FaxInboxChanges);
        context.Services.AddSingleton(new FaxIntakeStatus());
        context.Services.AddSingleton(new FaxRecognitionStatus());
        context.Services.AddSingleton(Options.Create(_folders.Options()));
        context.Services.AddSingleton(new ExportTracker(_database.Clock));
        context.Services.AddSingleton<IHostApplicationLifetime>(new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(
            NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance));
        context.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        context.AddAuthorization().SetAuthorized(staff.Name);
        context.Renderer.SetRendererInfo(new RendererInfo("Server", true));
        return context;
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<FaxQueue> page, int id) =>
        page.Find($"[data-testid=fax-row][data-fax=\"{id}\"]");

    /// <summary>The row's status and the actions it offers, e.g. "新着: claim".</summary>
    private static string Offers(IRenderedComponent<FaxQueue> page, int id)
    {
        var row = Row(page, id);
        var actions = new[] { "claim", "open", "release" }.Where(a => row.QuerySelector($"[data-testid=fax-{a}]") is not null);
        return $"{row.QuerySelector("[data-testid=fax-status]")!.TextContent.Trim()}: {string.Join(" ", actions)}";
    }

    [Fact]
    public async Task A_desk_agent_claims_a_new_fax_opens_or_releases_their_own_and_leaves_another_agents_alone()
    {
        await using var context = Context(TestStaff.DeskAgent);
        var page = context.Render<FaxQueue>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=fax-row]").Count));

        Assert.Equal("新着: claim", Offers(page, _new));
        Assert.Equal("対応中 (田中 美咲): open release", Offers(page, _mine));
        Assert.Equal("対応中 (担当者2): ", Offers(page, _others));
        Assert.Equal(FaxLinks.Work(FaxKind.Order, _mine), Row(page, _mine).QuerySelector("[data-testid=fax-open]")!.GetAttribute("href"));
        // The unknown sender is named by the number the FAX came from.
        Assert.Contains("0399990000", Row(page, _others).QuerySelector("[data-testid=fax-sender]")!.TextContent);
    }

    [Fact]
    public async Task A_supervisor_may_release_another_agents_fax_but_not_open_it()
    {
        await using var context = Context(TestStaff.Supervisor);
        var page = context.Render<FaxQueue>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=fax-row]").Count));

        Assert.Equal("対応中 (担当者2): release", Offers(page, _others));
        Assert.Equal("対応中 (田中 美咲): release", Offers(page, _mine));
    }

    [Fact]
    public async Task Another_agents_claim_shows_in_the_row_without_a_reload_and_a_release_puts_a_fax_back_to_new()
    {
        await using var context = Context(TestStaff.DeskAgent);
        var page = context.Render<FaxQueue>();
        page.WaitForAssertion(() => Assert.Equal("新着: claim", Offers(page, _new)));

        await Inbox(Other).ClaimAsync(_new);
        page.WaitForAssertion(() => Assert.Equal("対応中 (担当者2): ", Offers(page, _new)));

        Row(page, _mine).QuerySelector("[data-testid=fax-release]")!.Click();
        page.WaitForAssertion(() => Assert.Equal("新着: claim", Offers(page, _mine)));
        Assert.Equal(FaxStatus.New, (await _database.ItemAsync(_mine)).Status);
    }
}
