using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.FaxInbox;

/// <summary>
/// 受信FAX一覧: the queue of incoming FAXes as work items. An agent claims a FAX (exactly one of several agents claiming
/// at once wins — a conditional UPDATE — and the others are told who has it), sorts it by kind, keys it beside its image
/// (the keying services close it through <see cref="FaxInboxLink"/>), or rejects it with a reason; an "other" FAX is
/// closed with a note. The claimant releases their own claim; a supervisor may release anyone's. Every change is
/// audited and announced to every open inbox.
/// </summary>
public sealed class FaxInboxService(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    ICurrentStaff staff,
    TimeProvider time,
    BusinessClock clock,
    BusinessCalendarCache calendar,
    IOptions<RulesOptions> rules,
    IOptions<FaxInboxOptions> options,
    FaxIntakeService intake,
    FaxInboxChanges changes)
{
    private const int IssuesShown = 20;

    public async Task<FaxInboxPage> ListAsync(FaxInboxQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = staff.Id;
        var items = InView(db, query.View);
        var total = await items.CountAsync(cancellationToken);
        var page = await Ordered(items, query.View).Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 200)).ToListAsync(cancellationToken);
        var cutoffs = await CutoffsAsync(db, cancellationToken);
        var rows = await RowsAsync(db, page, cutoffs, cancellationToken);

        var open = await db.FaxInboxItems.AsNoTracking().Where(i => i.Status == FaxStatus.New || i.Status == FaxStatus.InProgress)
            .Select(i => new { i.Status, i.ClaimedByStaffId, i.Kind, i.ReceivedAt, i.CustomerId }).ToListAsync(cancellationToken);
        var regions = await RegionsOfAsync(db, open.Select(o => o.CustomerId), cancellationToken);
        var summary = new FaxInboxSummary(
            open.Count(o => o.Status == FaxStatus.New),
            open.Count(o => o.Status == FaxStatus.InProgress),
            open.Count(o => o.Status == FaxStatus.InProgress && o.ClaimedByStaffId == me),
            open.Count(o => cutoffs.For(o.Kind, o.ReceivedAt,
                o.CustomerId is { } c ? regions.GetValueOrDefault(c) : null)?.Overdue == true));
        return new FaxInboxPage(rows, total, summary);
    }

    /// <summary>Every FAX of the view, in its order with its cutoff (the queue's rows, all pages), for an export.</summary>
    public async Task<ListRows<FaxInboxRow>> ExportAsync(FaxInboxView view, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        return await ListRows.OpenByIdsAsync<FaxInboxRow>(contexts, db => Ordered(InView(db, view), view).Select(i => i.Id),
            async (db, ids, token) =>
        {
            var items = await db.FaxInboxItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(token);
            var inOrder = ids.Select(id => items.Single(i => i.Id == id)).ToList();
            return await RowsAsync(db, inOrder, await CutoffsAsync(db, token), token);
        }, ExportChunk, cancellationToken);
    }

    private const int ExportChunk = 500;

    private IQueryable<FaxInboxItem> InView(SmartOfficeDbContext db, FaxInboxView view)
    {
        var items = db.FaxInboxItems.AsNoTracking();
        var me = staff.Id;
        return view switch
        {
            FaxInboxView.Open => items.Where(i => i.Status == FaxStatus.New || i.Status == FaxStatus.InProgress),
            FaxInboxView.Mine => items.Where(i => i.Status == FaxStatus.InProgress && i.ClaimedByStaffId == me),
            FaxInboxView.Done => items.Where(i => i.Status == FaxStatus.Done),
            _ => items.Where(i => i.Status == FaxStatus.Rejected),
        };
    }

    /// <summary>Open FAXes oldest first; done and rejected ones newest first.</summary>
    private static IQueryable<FaxInboxItem> Ordered(IQueryable<FaxInboxItem> items, FaxInboxView view) =>
        view is FaxInboxView.Done or FaxInboxView.Rejected
        ? items.OrderByDescending(i => i.ClosedAt).ThenByDescending(i => i.Id)
        : items.OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id);

    public async Task<FaxInboxDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.FaxInboxItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
                   ?? throw new BusinessRuleException("FaxInbox.NotFound");
        var pages = await db.FaxPages.AsNoTracking().Where(p => p.FaxInboxItemId == id).OrderBy(p => p.PageNumber)
            .Select(p => new FaxPageSize(p.PageNumber, p.Width, p.Height)).ToListAsync(cancellationToken);
        var row = (await RowsAsync(db, [item], await CutoffsAsync(db, cancellationToken), cancellationToken))[0];
        var mayRelease = item.Status == FaxStatus.InProgress
                         && (item.ClaimedByStaffId == staff.Id || AccessPolicy.Allows(staff, Capability.FaxInboxSupervision));
        return new FaxInboxDetail(row, pages, mayRelease);
    }

    /// <summary>A page's PNG (1-based), or null when the FAX has no such page.</summary>
    public async Task<byte[]?> GetPageAsync(int id, int pageNumber, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.FaxPages.AsNoTracking().Where(p => p.FaxInboxItemId == id && p.PageNumber == pageNumber).Select(p => p.Png)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// 担当する: the FAX becomes the caller's. Of several agents claiming at once exactly one wins (the version checked on
    /// save); the others are told who has it. Claiming one's own FAX again is a no-op.
    /// </summary>
    public Task ClaimAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, async (db, item) =>
        {
            if (item.IsClaimedBy(staff.Id))
                return false;
            if (!item.Claim(staff.Id, staff.Name, clock.Now))
                throw await FaxInboxLink.RefusalAsync(db, id, staff, clock, cancellationToken);
            Audit(db, "FaxInbox.Claimed", id, FaxStatus.New, FaxStatus.InProgress, null);
            return true;
        }, cancellationToken);

    /// <summary>
    /// 担当を外す: back to 新着. The claimant may; someone else's claim only a supervisor or administrator
    /// (<see cref="Capability.FaxInboxSupervision"/>: anyone else is refused as not allowed). The claim read here must
    /// still be the same when the change is saved (else it is read again: closed meanwhile is refused with who closed it).
    /// </summary>
    public Task ReleaseAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, async (db, item) =>
        {
            if (item.Status != FaxStatus.InProgress)
                throw await FaxInboxLink.RefusalAsync(db, id, staff, clock, cancellationToken);
            if (item.ClaimedByStaffId != staff.Id)
                AccessPolicy.Demand(staff, Capability.FaxInboxSupervision);
            var holder = item.ClaimedByName;
            item.Release();
            Audit(db, "FaxInbox.Released", id, FaxStatus.InProgress, FaxStatus.New, holder);
            return true;
        }, cancellationToken);

    /// <summary>
    /// 仕分け: what the FAX is (which form opens beside it). Any desk agent may sort a new FAX (the morning's pile is often
    /// sorted by one person); one in progress only its claimant; a closed one nobody.
    /// </summary>
    public Task SetKindAsync(int id, FaxKind kind, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, async (db, item) =>
        {
            if (!item.Sort(kind, staff.Id))
                throw await FaxInboxLink.RefusalAsync(db, id, staff, clock, cancellationToken);
            // Sorting again to the same kind still counts as a change (the version moves), as it always has.
            db.Entry(item).Property(i => i.Version).IsModified = true;
            db.AuditEntries.Add(AuditTrail.Entry(staff, time, "FaxInbox.Sorted", nameof(FaxInboxItem), id, null, new { Kind = kind }));
            return true;
        }, cancellationToken);

    /// <summary>却下 with a reason (illegible, not for us, sent twice…); only by its claimant.</summary>
    public Task RejectAsync(int id, string? reason, CancellationToken cancellationToken = default)
    {
        var text = Note(reason, "FaxInbox.RejectReasonRequired");
        return ChangeMineAsync(id, "FaxInbox.Rejected", FaxStatus.Rejected,
            (item, now) => item.Reject(staff.Id, staff.Name, now, text), text, cancellationToken);
    }

    /// <summary>完了 for an "other" FAX (nothing to key): a note says what was done (forwarded to the dealer, answered by phone…).</summary>
    public Task CloseOtherAsync(int id, string? note, CancellationToken cancellationToken = default)
    {
        var text = Note(note, "FaxInbox.CloseNoteRequired");
        return ChangeMineAsync(id, "FaxInbox.Closed", FaxStatus.Done,
            (item, now) => item.CloseOther(staff.Id, staff.Name, now, text), text, cancellationToken);
    }

    /// <summary>手動取込: a FAX file handed in by hand (PDF, PNG, JPEG, TIFF) becomes a new item; returns its id.</summary>
    public Task<int> UploadAsync(FaxUpload upload, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        if (upload.ReceivedAt > clock.Now)
            throw new BusinessRuleException("FaxInbox.ReceivedInFuture");
        return intake.ImportUploadAsync(upload, cancellationToken);
    }

    /// <summary>Files the watcher quarantined and no supervisor has dismissed yet, newest first.</summary>
    public async Task<IReadOnlyList<FaxIntakeIssueRow>> IssuesAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.FaxIntakeIssues.AsNoTracking().Where(i => i.DismissedAt == null).OrderByDescending(i => i.DetectedAt)
            .ThenByDescending(i => i.Id)
            .Take(IssuesShown).Select(i => new FaxIntakeIssueRow(i.Id, i.FileName, i.Problem, i.Detail, i.QuarantinedAs, i.DetectedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>確認済: a supervisor has dealt with a quarantined file (the file itself stays in the quarantine folder).</summary>
    public async Task DismissIssueAsync(int issueId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.FaxInboxSupervision);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.Now;
        var name = staff.Name;
        var dismissed = await db.FaxIntakeIssues.Where(i => i.Id == issueId && i.DismissedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.DismissedAt, now).SetProperty(i => i.DismissedByName, name), cancellationToken);
        if (dismissed == 0)
            throw new BusinessRuleException("FaxInbox.IssueGone");
        changes.Raise();
    }

    /// <summary>A change that closes the caller's own claim; a concurrent release or close refuses it.</summary>
    private Task ChangeMineAsync(int id, string action, FaxStatus to, Func<FaxInboxItem, DateTimeOffset, bool> change,
        string? note, CancellationToken cancellationToken) =>
        ChangeAsync(id, async (db, item) =>
        {
            if (!change(item, clock.Now))
                throw await FaxInboxLink.RefusalAsync(db, id, staff, clock, cancellationToken);
            Audit(db, action, id, FaxStatus.InProgress, to, note);
            return true;
        }, cancellationToken);

    /// <summary>
    /// One step of the FAX's workflow: <paramref name="change"/> applies it to the FAX as read (false: nothing to do; it
    /// throws the refusal), then it is saved with its audit entry in one transaction. The UPDATE checks the version read,
    /// so of two changes at once exactly one is saved; the other is applied again to what the first left, where its own
    /// guard refuses it with who holds or closed the FAX (or, for a sort, simply applies).
    /// </summary>
    private async Task ChangeAsync(int id, Func<SmartOfficeDbContext, FaxInboxItem, Task<bool>> change, CancellationToken cancellationToken)
    {
        AccessPolicy.Demand(staff, Capability.FaxOrderEntry);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var item = await db.FaxInboxItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
                       ?? throw new BusinessRuleException("FaxInbox.NotFound");
            if (!await change(db, item))
                return;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                changes.Raise();
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new BusinessRuleException("FaxInbox.Changed");
            }
        }
    }

    private const int MaxAttempts = 3;

    private void Audit(SmartOfficeDbContext db, string action, int id, FaxStatus from, FaxStatus to, string? note) =>
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, action, nameof(FaxInboxItem), id, new { Status = from }, new { Status = to },
            note: note));

    /// <summary>A reason or note as it is shown in the queue and the audit: the rules of every reason, in the inbox's words.</summary>
    private static string Note(string? text, string requiredKey) =>
        ReasonText.Require(JapaneseInput.Normalize(text), requiredKey, "FaxInbox.NoteControlCharacters", "FaxInbox.NoteTooLong");

    private async Task<List<FaxInboxRow>> RowsAsync(SmartOfficeDbContext db, IReadOnlyList<FaxInboxItem> items, CutoffCalculator cutoffs,
        CancellationToken cancellationToken)
    {
        var customerIds = items.Where(i => i.CustomerId != null).Select(i => i.CustomerId!.Value).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Name, c.RegionId }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var keyed = await KeyedAsync(db, items, cancellationToken);
        var ids = items.Select(i => i.Id).ToList();
        var readings = await db.FaxRecognitions.AsNoTracking().Where(r => ids.Contains(r.FaxInboxItemId))
            .ToDictionaryAsync(r => r.FaxInboxItemId, r => r.State, cancellationToken);
        return items.Select(i =>
        {
            var customer = i.CustomerId is { } c ? customers.GetValueOrDefault(c) : null;
            var open = i.Status is FaxStatus.New or FaxStatus.InProgress;
            return new FaxInboxRow(i.Id, i.ReceivedAt, i.FileName, i.Source, i.SenderFax, i.CustomerId, customer?.Code, customer?.Name,
                i.Kind, i.Status,
                i.ClaimedByStaffId, i.ClaimedByName, i.ClaimedAt, i.ClosedByName, i.ClosedAt, i.CloseNote, i.PageCount,
                    keyed.GetValueOrDefault(i.Id),
                open ? cutoffs.For(i.Kind, i.ReceivedAt, customer?.RegionId) : null, i.Version,
                readings.TryGetValue(i.Id, out var reading) ? reading : null);
        }).ToList();
    }

    /// <summary>The numbers of what was keyed from the FAXes (one query per kind present).</summary>
    private static async Task<Dictionary<int, FaxKeyedRecord>> KeyedAsync(SmartOfficeDbContext db, IReadOnlyList<FaxInboxItem> items,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, FaxKeyedRecord>();
        var orders = items.Where(i => i.OrderId != null).ToDictionary(i => i.OrderId!.Value, i => i.Id);
        foreach (var o in await db.Orders.AsNoTracking().Where(o => orders.Keys.Contains(o.Id)).Select(o => new { o.Id, o.OrderNumber })
            .ToListAsync(cancellationToken))
            result[orders[o.Id]] = new FaxKeyedRecord(FaxKind.Order, o.Id, o.OrderNumber);
        var slips = items.Where(i => i.ReturnSlipId != null).ToDictionary(i => i.ReturnSlipId!.Value, i => i.Id);
        foreach (var s in await db.ReturnSlips.AsNoTracking().Where(s => slips.Keys.Contains(s.Id)).Select(s => new { s.Id, s.SlipNumber })
            .ToListAsync(cancellationToken))
            result[slips[s.Id]] = new FaxKeyedRecord(FaxKind.ReturnRequest, s.Id, s.SlipNumber);
        var applications = items.Where(i => i.PrizeApplicationId != null).ToDictionary(i => i.PrizeApplicationId!.Value, i => i.Id);
        foreach (var a in await db.PrizeApplications.AsNoTracking().Where(a => applications.Keys.Contains(a.Id))
            .Select(a => new { a.Id, a.ApplicationNumber })
                     .ToListAsync(cancellationToken))
            result[applications[a.Id]] = new FaxKeyedRecord(FaxKind.PrizeApplication, a.Id, a.ApplicationNumber);
        foreach (var i in items.Where(i => i.BalanceRequestId != null))
            result[i.Id] = new FaxKeyedRecord(FaxKind.BalanceRequest, i.BalanceRequestId!.Value,
                i.BalanceRequestId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return result;
    }

    private static async Task<Dictionary<int, int>> RegionsOfAsync(SmartOfficeDbContext db, IEnumerable<int?> customerIds,
        CancellationToken cancellationToken)
    {
        var ids = customerIds.Where(c => c != null).Select(c => c!.Value).Distinct().ToList();
        return await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.RegionId, cancellationToken);
    }

    private async Task<CutoffCalculator> CutoffsAsync(SmartOfficeDbContext db, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        var fallback = regions.FirstOrDefault(r => r.Code == options.Value.UnmatchedRegionCode)
            ?? regions.OrderBy(r => r.SortOrder).FirstOrDefault();
        return new CutoffCalculator(new DeliveryRules(await calendar.GetAsync(cancellationToken), rules.Value), clock,
            regions.ToDictionary(r => r.Id), fallback);
    }

    /// <summary>
    /// The FAX cutoff of the 受付日 a FAX was received for: a FAX received on an acceptance day before its region's cutoff
    /// counts against that cutoff; later (or on a Sunday, holiday, closure day) against the next acceptance day's.
    /// </summary>
    private sealed class CutoffCalculator(DeliveryRules delivery, BusinessClock clock, Dictionary<int, Accounts.Region> regions,
        Accounts.Region? fallback)
    {
        public FaxCutoff? For(FaxKind kind, DateTimeOffset receivedAt, int? regionId)
        {
            if (kind is not (FaxKind.Order or FaxKind.Unsorted))
                return null;
            var region = regionId is { } id ? regions.GetValueOrDefault(id) ?? fallback : fallback;
            if (region is null)
                return null;
            var day = delivery.AcceptanceDay(receivedAt, region.FaxCutoff);
            var at = clock.At(day, region.FaxCutoff);
            var receivedOn = DateOnly.FromDateTime(clock.ToBusinessTime(receivedAt).DateTime);
            var minutes = (int)Math.Floor((at - clock.Now).TotalMinutes);
            return new FaxCutoff(at, day, day == receivedOn, minutes, region.Name);
        }
    }
}
