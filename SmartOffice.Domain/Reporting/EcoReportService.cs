using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Reporting;

/// <summary>A company (DepartmentId null) or one department, over whole months.</summary>
public sealed record EcoReportQuery(int CustomerId, int? DepartmentId, DateOnly FromMonth, DateOnly ToMonth);

public sealed record EcoMonth(DateOnly Month, long Spend, long EcoSpend)
{
    public decimal Share => Spend == 0 ? 0 : Math.Round((decimal)EcoSpend / Spend, 4);
}

public sealed record EcoDepartment(string Code, string Name, long Spend, long EcoSpend)
{
    public decimal Share => Spend == 0 ? 0 : Math.Round((decimal)EcoSpend / Spend, 4);
}

public sealed record EcoReport(IReadOnlyList<EcoMonth> Months, IReadOnlyList<EcoDepartment> Departments)
{
    public long Spend => Months.Sum(m => m.Spend);
    public long EcoSpend => Months.Sum(m => m.EcoSpend);
    public decimal Share => Spend == 0 ? 0 : Math.Round((decimal)EcoSpend / Spend, 4);

    public ReportTable MonthTable() => new("Eco.ByMonth",
        [new("Col.Month", ReportCellKind.Text), new("Col.Spend", ReportCellKind.Yen), new("Col.EcoSpend", ReportCellKind.Yen),
            new("Col.EcoShare", ReportCellKind.Percent)],
        Months.Select(m => new object?[] { m.Month.ToString("yyyy/MM"), m.Spend, m.EcoSpend, m.Share }).ToList(), [1, 2]);

    public ReportTable DepartmentTable() => new("Eco.ByDepartment",
        [new("Col.DepartmentCode", ReportCellKind.Text), new("Col.Department", ReportCellKind.Text), new("Col.Spend", ReportCellKind.Yen),
         new("Col.EcoSpend", ReportCellKind.Yen), new("Col.EcoShare", ReportCellKind.Percent)],
        Departments.Select(d => new object?[] { d.Code, d.Name, d.Spend, d.EcoSpend, d.Share }).ToList(), [2, 3]);
}

/// <summary>
/// 環境配慮商品の購入状況 (docs/business-rules.md §7): the eco share of spend (line amounts ex-tax, voided orders out) by month,
/// for a company and per department. Same audience and dealer scope as the purchase data download.
/// </summary>
public sealed class EcoReportService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, BusinessClock clock)
{
    public async Task<EcoReport> GetAsync(EcoReportQuery query, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PurchaseDataDownload);
        var from = new DateOnly(query.FromMonth.Year, query.FromMonth.Month, 1);
        var to = new DateOnly(query.ToMonth.Year, query.ToMonth.Month, 1);
        if (from > to)
            throw new BusinessRuleException("Reporting.MonthRangeInverted");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dealerId = await db.Customers.Where(c => c.Id == query.CustomerId).Select(c => (int?)c.DealerId)
            .FirstOrDefaultAsync(cancellationToken)
                       ?? throw new BusinessRuleException("Reporting.CustomerNotFound");
        AccessPolicy.DemandCustomer(staff, Capability.PurchaseDataDownload, dealerId);

        var start = clock.DayBounds(from).Start;
        var end = clock.DayBounds(to.AddMonths(1)).Start;
        var lines = from order in db.Orders.AsNoTracking()
                    where order.CustomerId == query.CustomerId && order.Status != OrderStatus.Voided
                          && order.ReceivedAt >= start && order.ReceivedAt < end
                          && (query.DepartmentId == null || order.DepartmentId == query.DepartmentId)
                    join line in db.OrderLines on order.Id equals line.OrderId
                    select new { order.ReceivedAt, order.DepartmentId, line.Amount, line.IsEco };

        var months = new SortedDictionary<DateOnly, (long Spend, long Eco)>();
        for (var m = from; m <= to; m = m.AddMonths(1))
            months[m] = (0, 0);
        var departments = new Dictionary<int, (long Spend, long Eco)>();
        // Aggregated while streaming: a big customer's lines are never all in memory.
        await foreach (var line in lines.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var local = clock.ToBusinessTime(line.ReceivedAt);
            var month = new DateOnly(local.Year, local.Month, 1);
            var eco = line.IsEco ? line.Amount : 0;
            var (s, e) = months[month];
            months[month] = (s + line.Amount, e + eco);
            var (ds, de) = departments.GetValueOrDefault(line.DepartmentId);
            departments[line.DepartmentId] = (ds + line.Amount, de + eco);
        }
        var names = await db.Departments.AsNoTracking().Where(d => d.CustomerId == query.CustomerId)
            .Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(cancellationToken);
        return new EcoReport(
            months.Select(m => new EcoMonth(m.Key, m.Value.Spend, m.Value.Eco)).ToList(),
            names.Where(d => query.DepartmentId == null || d.Id == query.DepartmentId).OrderBy(d => d.Code)
                .Select(d => departments.GetValueOrDefault(d.Id) is var t ? new EcoDepartment(d.Code, d.Name, t.Spend, t.Eco) : null!)
                .ToList());
    }
}
