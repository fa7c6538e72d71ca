using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Returns;

/// <summary>
/// The return slip list (返品伝票): a page of it, or every slip of it for an export — one filter and order for both; the
/// counts per status, one slip's detail and its notice.
/// </summary>
public sealed partial class ReturnSlipService
{
    /// <summary>
    /// Open slips (received to credited) oldest form first, or one status newest first; text matches slip, order,
    /// customer code or name.
    /// </summary>
    public async Task<ReturnSlipListPage> FindAsync(ReturnSlipQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ReturnSlipView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var slips = Found(db, query);
        var total = await slips.CountAsync(cancellationToken);
        var rows = await Rows(db, Ordered(slips, query).Skip(query.Skip).Take(query.Take)).ToListAsync(cancellationToken);
        return new ReturnSlipListPage(rows, total);
    }

    /// <summary>Every slip the list finds, in its order (the page's rows, all pages), for an export.</summary>
    public async Task<ListRows<ReturnSlipRow>> ExportAsync(ReturnSlipQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ReturnSlipView);
        return await ListRows.OpenAsync(contexts, db => Rows(db, Ordered(Found(db, query), query)), cancellationToken);
    }

    /// <summary>How many slips are in each status, for the list's filter chips.</summary>
    public async Task<IReadOnlyDictionary<ReturnSlipStatus, int>> CountsAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ReturnSlipView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await Visible(db).GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    public async Task<ReturnSlipDetail> GetAsync(int slipId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ReturnSlipView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await Rows(db, Visible(db).Where(s => s.Id == slipId)).FirstOrDefaultAsync(cancellationToken)
                  ?? throw new BusinessRuleException("Returns.SlipNotFound");
        var slip = await db.ReturnSlips.AsNoTracking().SingleAsync(s => s.Id == slipId, cancellationToken);
        var more = await (from o in db.Orders
                          join d in db.Departments on o.DepartmentId equals d.Id
                          join c in db.Customers on o.CustomerId equals c.Id
                          where o.Id == slip.OrderId
                          select new { Department = d.Name, c.Fax, CustomerId = c.Id }).SingleAsync(cancellationToken);
        var lines = await (from l in db.ReturnSlipLines
                           join ol in db.OrderLines on l.OrderLineId equals ol.Id
                           where l.ReturnSlipId == slipId
                           orderby ol.LineNumber
                           select new ReturnSlipLineView(l.Id, ol.Id, ol.LineNumber, ol.ProductCode, ol.ProductName, ol.UnitPrice,
                               l.Quantity, l.Reason, l.Note, l.Unopened, l.Inspection, false)).ToListAsync(cancellationToken);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(ReturnSlip) && e.EntityId == row.SlipNumber)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(HistoryShown).ToListAsync(cancellationToken);
        return new ReturnSlipDetail(row, slip.OrderId, more.Department, more.Fax, slip.RejectReason, slip.CreditTaxStandard,
            slip.CreditTaxReduced, slip.ShippingRefund, slip.PointsReversed, slip.PointsShortfall,
            lines.Select(l => l with { OurFault = ReturnSlipLine.IsOurFault(l.Reason) }).ToList(), history, more.CustomerId);
    }

    /// <summary>The acceptance (inspected, credited, done) or rejection notice to fax back, with the desk's contact block.</summary>
    public async Task<ReturnNotice> NoticeAsync(int slipId, CancellationToken cancellationToken = default)
    {
        var detail = await GetAsync(slipId, cancellationToken);
        if (detail.Slip.Status is ReturnSlipStatus.Received or ReturnSlipStatus.PickupArranged)
            throw new BusinessRuleException("Returns.NoticeNotYet", detail.Slip.SlipNumber);
        return new ReturnNotice(detail, clock.Today, contact.Value);
    }

    private IQueryable<ReturnSlip> Found(SmartOfficeDbContext db, ReturnSlipQuery query)
    {
        var slips = Visible(db);
        if (query.Status is { } status)
            slips = slips.Where(s => s.Status == status);
        else if (query.OpenOnly)
            slips = slips.Where(s => OpenStatuses.Contains(s.Status));
        var text = JapaneseInput.Normalize(query.Text);
        if (text.Length == 0)
            return slips;
        var code = Code(text);
        var folded = JapaneseInput.FoldForSearch(text);
        return slips.Where(s => s.SlipNumber == code
                                || db.Orders.Any(o => o.Id == s.OrderId && o.OrderNumber == code)
                                || db.Customers.Any(c => c.Id == s.CustomerId && (c.Code == code || c.SearchKey.Contains(folded))));
    }

    /// <summary>Open slips oldest first (the backlog); otherwise newest first.</summary>
    private static IQueryable<ReturnSlip> Ordered(IQueryable<ReturnSlip> slips, ReturnSlipQuery query) =>
        query.OpenOnly || query.Status is { } status && OpenStatuses.Contains(status)
            ? slips.OrderBy(s => s.FormReceivedOn).ThenBy(s => s.Id)
            : slips.OrderByDescending(s => s.FormReceivedOn).ThenByDescending(s => s.Id);

    private static IQueryable<ReturnSlipRow> Rows(SmartOfficeDbContext db, IQueryable<ReturnSlip> slips) =>
        from s in slips
        join o in db.Orders on s.OrderId equals o.Id
        join c in db.Customers on s.CustomerId equals c.Id
        select new ReturnSlipRow(s.Id, s.SlipNumber, s.Status, s.FormReceivedOn, s.CreatedAt, o.OrderNumber, c.Code, c.Name,
            db.ReturnSlipLines.Count(l => l.ReturnSlipId == s.Id),
            db.ReturnSlipLines.Where(l => l.ReturnSlipId == s.Id).Sum(l => (int?)l.Quantity) ?? 0,
            s.CreditAmount, s.Version);
}
