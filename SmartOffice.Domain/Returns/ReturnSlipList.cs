using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Returns;

/// <summary>The return slip list (返品伝票): a page of it, or every slip of it for an export — one filter and order for both.</summary>
public sealed partial class ReturnSlipService
{
    public async Task<ReturnSlipPage> FindAsync(ReturnSlipQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ReturnSlipView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var slips = Found(db, query);
        var total = await slips.CountAsync(cancellationToken);
        var rows = await Rows(db, Ordered(slips, query).Skip(query.Skip).Take(query.Take)).ToListAsync(cancellationToken);
        return new ReturnSlipPage(rows, total);
    }

    /// <summary>Every slip the list finds, in its order (the page's rows, all pages), for an export.</summary>
    public async Task<ListRows<ReturnSlipRow>> ExportAsync(ReturnSlipQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.ReturnSlipView);
        return await ListRows.OpenAsync(contexts, db => Rows(db, Ordered(Found(db, query), query)), cancellationToken);
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
            db.ReturnSlipLines.Count(l => l.ReturnSlipId == s.Id), db.ReturnSlipLines.Where(l => l.ReturnSlipId == s.Id).Sum(l => (int?)l.Quantity) ?? 0,
            s.CreditAmount, s.Version);
}
