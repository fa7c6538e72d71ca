using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Points;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>The inbox as work items on a real SQLite file: one owner per FAX, refusals with reasons, keyed records
/// linked both ways.</summary>
public sealed class FaxInboxServiceTests : IAsyncLifetime
{
    /// <summary>Wednesday 25 Nov 2026, 17:10 Japan time: ten minutes after Honshu's FAX cutoff.</summary>
    private static readonly DateTimeOffset Now = TestDatabase.JapanTime(2026, 11, 25, 17, 10);
    private readonly TestDatabase _database = new(Now);
    private readonly FaxFolders _folders = new();
    private Department _department = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
    }

    public async Task DisposeAsync()
    {
        _folders.Dispose();
        await _database.DisposeAsync();
    }

    private FaxInboxService Inbox(ICurrentStaff staff) => _database.Inbox(staff, _folders.Options());

    [Fact]
    public async Task Of_eight_agents_claiming_one_FAX_at_once_exactly_one_owns_it_and_the_others_are_told_who()
    {
        var id = await _database.AddFaxAsync(Now.AddMinutes(-20));
        var agents = Enumerable.Range(1, 8).Select(FaxInboxTestData.Agent).ToList();
        using var start = new ManualResetEventSlim();

        var attempts = agents.Select(agent => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await Inbox(agent).ClaimAsync(id);
                return (agent, (string?)null);
            }
            catch (BusinessRuleException e)
            {
                return (agent, e.Key + "|" + e.Message);
            }
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.Item2 is null).agent;
        var item = await _database.ItemAsync(id);
        Assert.Equal((FaxStatus.InProgress, winner.Id, winner.Name), (item.Status, item.ClaimedByStaffId, item.ClaimedByName));
        Assert.All(results.Where(r => r.Item2 is not null), r =>
        {
            Assert.StartsWith("FaxInbox.ClaimedByOther|", r.Item2);
            Assert.Contains(winner.Name, r.Item2);
        });
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "FaxInbox.Claimed" && e.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Only_the_claimant_or_a_supervisor_releases_a_claim_and_a_release_after_completion_is_refused()
    {
        var id = await _database.AddFaxAsync(Now.AddMinutes(-20));
        var first = FaxInboxTestData.Agent(1);
        await Inbox(first).ClaimAsync(id);

        // Someone else's claim is supervision (FaxInboxSupervision): another desk agent is not allowed, and nothing changes.
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => Inbox(FaxInboxTestData.Agent(2)).ReleaseAsync(id));
        Assert.Equal(Capability.FaxInboxSupervision, refused.Capability);
        Assert.Equal((FaxStatus.InProgress, first.Id),
            ((await _database.ItemAsync(id)).Status, (await _database.ItemAsync(id)).ClaimedByStaffId));
        await Inbox(TestStaff.Supervisor).ReleaseAsync(id);
        Assert.Equal((FaxStatus.New, null), ((await _database.ItemAsync(id)).Status, (await _database.ItemAsync(id)).ClaimedByStaffId));

        // Sorted while new (anyone may), claimed and closed: a supervisor's release that comes after is refused with who closed it.
        await Inbox(FaxInboxTestData.Agent(2)).SetKindAsync(id, FaxKind.Other);
        Assert.Equal("FaxInbox.NotClaimed", (await Assert.ThrowsAsync<BusinessRuleException>(() => Inbox(first).CloseOtherAsync(id, "転送")))
            .Key);
        await Inbox(first).ClaimAsync(id);
        Assert.Equal("FaxInbox.ClaimedByOther",
            (await Assert.ThrowsAsync<BusinessRuleException>(() => Inbox(FaxInboxTestData.Agent(2)).SetKindAsync(id, FaxKind.Order))).Key);
        await Inbox(first).CloseOtherAsync(id, "販売店へ転送");
        var late = await Assert.ThrowsAsync<BusinessRuleException>(() => Inbox(TestStaff.Supervisor).ReleaseAsync(id));
        Assert.Equal("FaxInbox.AlreadyDone", late.Key);
        Assert.Contains(first.Name, late.Message);
        var item = await _database.ItemAsync(id);
        Assert.Equal((FaxStatus.Done, "販売店へ転送", first.Name), (item.Status, item.CloseNote, item.ClosedByName));
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_the_claim_and_a_rejected_FAX_cannot_be_claimed_again()
    {
        var id = await _database.AddFaxAsync(Now.AddMinutes(-20));
        var agent = FaxInboxTestData.Agent(1);
        Assert.Equal("FaxInbox.NotClaimed", (await Assert.ThrowsAsync<BusinessRuleException>(() => Inbox(agent).RejectAsync(id, "判読不能")))
            .Key);
        await Inbox(agent).ClaimAsync(id);
        Assert.Equal("FaxInbox.ClaimedByOther",
            (await Assert.ThrowsAsync<BusinessRuleException>(() => Inbox(FaxInboxTestData.Agent(2)).RejectAsync(id, "判読不能"))).Key);
        Assert.Equal("FaxInbox.RejectReasonRequired",
            (await Assert.ThrowsAsync<BusinessRuleException>(() => Inbox(agent).RejectAsync(id, "  "))).Key);
        await Inbox(agent).RejectAsync(id, "判読不能");

        var again = await Assert.ThrowsAsync<BusinessRuleException>(() => Inbox(FaxInboxTestData.Agent(2)).ClaimAsync(id));
        Assert.Equal("FaxInbox.AlreadyRejected", again.Key);
        Assert.Contains("判読不能", again.Message);
    }

    [Fact]
    public async Task An_order_keyed_from_a_claimed_FAX_completes_it_both_ways_linked_and_a_second_save_for_that_FAX_is_refused()
    {
        var id = await _database.AddFaxAsync(Now.AddMinutes(-15), "0311113333", _department.CustomerId);
        var agent = FaxInboxTestData.Agent(1);
        var orders = _database.FaxOrders(agent);
        var draft = new FaxOrderDraft(_department.CustomerId, _department.Id, null, Now.AddMinutes(-15), null, [Line(Pen, "3")], id);

        // Not claimed yet: the order is refused and nothing is saved.
        Assert.Equal("FaxInbox.NotClaimed",
            (await Assert.ThrowsAsync<BusinessRuleException>(() => orders.SaveAsync(new FaxOrderSaveRequest(draft, Guid.NewGuid())))).Key);
        await Inbox(agent).ClaimAsync(id);
        var saved = await orders.SaveAsync(new FaxOrderSaveRequest(draft, Guid.NewGuid()));

        var item = await _database.ItemAsync(id);
        Assert.Equal((FaxStatus.Done, FaxKind.Order, saved.OrderId, agent.Name), (item.Status, item.Kind, item.OrderId, item.ClosedByName));
        await using (var db = _database.CreateDbContext())
            Assert.Equal(id, await db.Orders.Where(o => o.Id == saved.OrderId).Select(o => o.FaxInboxItemId).SingleAsync());
        var row = (await Inbox(agent).ListAsync(new FaxInboxQuery(FaxInboxView.Done, 0, 10))).Rows.Single();
        Assert.Equal(new FaxKeyedRecord(FaxKind.Order, saved.OrderId!.Value, saved.OrderNumber!), row.Keyed);

        // The same FAX keyed again (a second tab, another form): refused with who completed it, no second order.
        var twice = await Assert.ThrowsAsync<BusinessRuleException>(() => orders.SaveAsync(new FaxOrderSaveRequest(draft, Guid.NewGuid())));
        Assert.Equal("FaxInbox.AlreadyDone", twice.Key);
        await using var check = _database.CreateDbContext();
        Assert.Equal(1, await check.Orders.CountAsync());
    }

    [Fact]
    public async Task A_balance_request_keyed_from_a_FAX_another_agent_holds_is_refused_and_saves_nothing()
    {
        var id = await _database.AddFaxAsync(Now.AddMinutes(-15), kind: FaxKind.BalanceRequest);
        await Inbox(FaxInboxTestData.Agent(1)).ClaimAsync(id);
        var other = FaxInboxTestData.Agent(2);
        var input = new BalanceRequestInput("10000013", _department.Id, Now.AddMinutes(-15), id);

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => _database.Requests(other).RegisterAsync(input));
        Assert.Equal("FaxInbox.ClaimedByOther", refused.Key);
        await using (var db = _database.CreateDbContext())
            Assert.Equal(0, await db.BalanceRequests.CountAsync());

        var requestId = await _database.Requests(FaxInboxTestData.Agent(1)).RegisterAsync(input);
        var item = await _database.ItemAsync(id);
        Assert.Equal((FaxStatus.Done, requestId, _department.CustomerId), (item.Status, item.BalanceRequestId, item.CustomerId));
    }

    [Fact]
    public async Task The_queue_shows_minutes_to_the_FAX_cutoff_and_flags_what_came_before_it_and_is_still_open_after_it()
    {
        // Honshu FAX cutoff 17:00; it is 17:10. An unknown sender counts against the UnmatchedRegionCode region (Honshu).
        var beforeCutoff = await _database.AddFaxAsync(TestDatabase.JapanTime(2026, 11, 25, 16, 55), "0311113333", _department.CustomerId);
        var unknownSender = await _database.AddFaxAsync(TestDatabase.JapanTime(2026, 11, 25, 16, 40), "0599990000");
        var afterCutoff = await _database.AddFaxAsync(TestDatabase.JapanTime(2026, 11, 25, 17, 5));
        var returnForm = await _database.AddFaxAsync(TestDatabase.JapanTime(2026, 11, 25, 9, 0), kind: FaxKind.ReturnRequest);

        var page = await Inbox(TestStaff.Supervisor).ListAsync(new FaxInboxQuery(FaxInboxView.Open, 0, 50));

        var rows = page.Rows.ToDictionary(r => r.Id);
        Assert.Equal([returnForm, unknownSender, beforeCutoff, afterCutoff], page.Rows.Select(r => r.Id));
        Assert.Equal((true, -10, true, new DateOnly(2026, 11, 25)),
            (rows[beforeCutoff].Cutoff!.ReceivedBeforeCutoff, rows[beforeCutoff].Cutoff!.MinutesLeft, rows[beforeCutoff].Cutoff!.Overdue,
                rows[beforeCutoff].Cutoff!.AcceptanceDay));
        Assert.Equal("10000013", rows[beforeCutoff].CustomerCode);
        Assert.True(rows[unknownSender].Cutoff!.Overdue);
        Assert.Equal("本州", rows[unknownSender].Cutoff!.RegionName);
        // Received after the cutoff: it counts for Thursday's, 23 h 50 min away, and is not late.
        Assert.Equal((false, new DateOnly(2026, 11, 26), 23 * 60 + 50, false),
            (rows[afterCutoff].Cutoff!.ReceivedBeforeCutoff, rows[afterCutoff].Cutoff!.AcceptanceDay, rows[afterCutoff].Cutoff!.MinutesLeft,
                rows[afterCutoff].Cutoff!.Overdue));
        Assert.Null(rows[returnForm].Cutoff);
        Assert.Equal(new FaxInboxSummary(4, 0, 0, 2), page.Summary);
    }

    [Fact]
    public async Task Dealer_reps_have_no_FAX_inbox_and_only_supervisors_dismiss_intake_problems()
    {
        var rep = TestStaff.DealerRep(await _database.DealerIdOfAsync(_department));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Inbox(rep).ListAsync(new FaxInboxQuery(FaxInboxView.Open, 0, 10)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Inbox(TestStaff.DeskAgent).DismissIssueAsync(1));
    }

    [Fact]
    public async Task An_uploaded_file_becomes_a_FAX_with_the_time_the_agent_gives_and_its_original_is_archived_and_bad_files_are_refused()
    {
        var inbox = Inbox(TestStaff.DeskAgent);
        var id = await inbox.UploadAsync(new FaxUpload("注文書.pdf", FaxFiles.Pdf(), Now.AddHours(-1), "03-1111-3333"));
        var item = await _database.ItemAsync(id);
        Assert.Equal((FaxSource.Upload, Now.AddHours(-1), "0311113333", _department.CustomerId),
            (item.Source, item.ReceivedAt, item.SenderFax, item.CustomerId));
        Assert.True(File.Exists(Path.Combine(_folders.Archive, item.ArchivedAs!)));

        var bad = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            inbox.UploadAsync(new FaxUpload("写真.png", "x"u8.ToArray(), Now, null)));
        Assert.Equal("FaxInbox.UploadRefused", bad.Key);
        Assert.Equal("FaxInbox.AlreadyImported",
            (await Assert.ThrowsAsync<BusinessRuleException>(() =>
                inbox.UploadAsync(new FaxUpload("注文書.pdf", File.ReadAllBytes(Path.Combine(_folders.Archive, item.ArchivedAs!)), Now,
                null)))).Key);
        FaxFolders.ReplaceWithFile(_folders.Archive);
        Assert.Equal("FaxInbox.ArchiveUnwritable",
            (await Assert.ThrowsAsync<BusinessRuleException>(() =>
                inbox.UploadAsync(new FaxUpload("別の注文書.png", FaxFiles.Png(), Now, null)))).Key);
        Assert.Single(await _database.ItemsAsync());
    }
}
