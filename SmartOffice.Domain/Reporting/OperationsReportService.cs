using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Reporting;

/// <summary>Japan days, inclusive.</summary>
public sealed record OperationsRange(DateOnly From, DateOnly To);

/// <summary>
/// The supervisor's numbers (docs/business-rules.md §7), one <see cref="ReportTable"/> each: FAX orders by hour against the
/// region cutoffs, keying lead time, orders per agent, returns by reason and category, lockouts and unlocks,
/// point liability by expiry month, prize backlog by age. Reads only; Capability.Operations.
/// </summary>
public sealed class OperationsReportService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, BusinessClock clock)
{
    /// <summary>The longest range one report covers.</summary>
    public const int MaxDays = 400;

    /// <summary>Keying lead time buckets, upper bounds in minutes (the last is open).</summary>
    public static readonly int[] LeadBuckets = [15, 30, 60, 120, 240];

    /// <summary>Prize backlog age buckets, upper bounds in days (the last is open).</summary>
    public static readonly int[] AgeBuckets = [7, 14, 30];

    public async Task<IReadOnlyList<ReportTable>> AllAsync(OperationsRange range, CancellationToken cancellationToken = default) =>
    [
        await FaxOrdersByHourAsync(range, cancellationToken),
        await KeyingLeadTimeAsync(range, cancellationToken),
        await OrdersPerAgentAsync(range, cancellationToken),
        await ReturnsByReasonAsync(range, cancellationToken),
        await LockoutsAsync(range, cancellationToken),
        await PointLiabilityAsync(cancellationToken),
        await PrizeBacklogAsync(cancellationToken),
    ];

    /// <summary>FAX orders per hour of receipt, split by before/after their region's FAX cutoff.</summary>
    public async Task<ReportTable> FaxOrdersByHourAsync(OperationsRange range, CancellationToken cancellationToken = default)
    {
        var (start, end) = Bounds(range);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var orders = await (from o in db.Orders.AsNoTracking()
                            where o.Channel == OrderChannel.Fax && o.Status != OrderStatus.Voided && o.ReceivedAt >= start
                                && o.ReceivedAt < end
                            join c in db.Customers on o.CustomerId equals c.Id
                            join r in db.Regions on c.RegionId equals r.Id
                            select new { o.ReceivedAt, r.FaxCutoff }).ToListAsync(cancellationToken);
        var rows = Enumerable.Range(0, 24).Select(h => new[] { 0, 0 }).ToArray();
        foreach (var o in orders)
        {
            var local = clock.ToBusinessTime(o.ReceivedAt);
            rows[local.Hour][TimeOnly.FromDateTime(local.DateTime) < o.FaxCutoff ? 0 : 1]++;
        }
        return new ReportTable("Ops.FaxByHour",
            [new("Col.Hour", ReportCellKind.Text), new("Col.Orders", ReportCellKind.Number), new("Col.BeforeCutoff", ReportCellKind.Number),
                new("Col.AfterCutoff", ReportCellKind.Number)],
            rows.Select((r, h) => new object?[] { $"{h:00}:00", r[0] + r[1], r[0], r[1] }).ToList(), [2, 3]);
    }

    /// <summary>FAX received → saved, in buckets.</summary>
    public async Task<ReportTable> KeyingLeadTimeAsync(OperationsRange range, CancellationToken cancellationToken = default)
    {
        var minutes = await LeadMinutes(range, cancellationToken);
        var counts = new int[LeadBuckets.Length + 1];
        foreach (var (_, m) in minutes)
            counts[Bucket(LeadBuckets, m)]++;
        return new ReportTable("Ops.KeyingLead",
            [new("Col.LeadTime", ReportCellKind.Label), new("Col.Orders", ReportCellKind.Number), new("Col.Share", ReportCellKind.Percent)],
            counts.Select((c, i) => new object?[] { $"Lead.{i}", c, minutes.Count == 0 ? 0m : Math.Round((decimal)c / minutes.Count, 4) })
                .ToList(), [1]);
    }

    /// <summary>FAX orders keyed per agent, with their median and average lead time.</summary>
    public async Task<ReportTable> OrdersPerAgentAsync(OperationsRange range, CancellationToken cancellationToken = default)
    {
        var minutes = await LeadMinutes(range, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var rows = minutes.GroupBy(m => m.StaffId)
            .Select(g => new { Name = g.Key is { } id ? names.GetValueOrDefault(id, id) : "—", Count = g.Count(),
                Median = Median(g.Select(x => x.Minutes)), Average = g.Average(x => x.Minutes) })
            .OrderByDescending(r => r.Count).ThenBy(r => r.Name)
            .Select(r => new object?[] { r.Name, r.Count, r.Median, Math.Round((decimal)r.Average, 1) }).ToList();
        return new ReportTable("Ops.PerAgent",
            [new("Col.Agent", ReportCellKind.Text), new("Col.Orders", ReportCellKind.Number),
                new("Col.MedianMinutes", ReportCellKind.Number), new("Col.AverageMinutes", ReportCellKind.Number)],
            rows, [1]);
    }

    /// <summary>Return slip lines keyed in the range, by reason and product category.</summary>
    public async Task<ReportTable> ReturnsByReasonAsync(OperationsRange range, CancellationToken cancellationToken = default)
    {
        var (start, end) = Bounds(range);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lines = await (from s in db.ReturnSlips.AsNoTracking()
                           where s.CreatedAt >= start && s.CreatedAt < end
                           join l in db.ReturnSlipLines on s.Id equals l.ReturnSlipId
                           join ol in db.OrderLines on l.OrderLineId equals ol.Id
                           join c in db.ProductCategories on ol.CategoryId equals c.Id
                           select new { l.Reason, Category = c.Name, l.Quantity, Amount = l.Quantity * ol.UnitPrice })
                               .ToListAsync(cancellationToken);
        var rows = lines.GroupBy(l => (l.Reason, l.Category)).OrderBy(g => g.Key.Reason).ThenBy(g => g.Key.Category)
            .Select(g => new object?[] { $"Reason.{g.Key.Reason}", g.Key.Category, g.Count(), g.Sum(x => x.Quantity),
                g.Sum(x => (long)x.Amount) }).ToList();
        return new ReportTable("Ops.Returns",
            [new("Col.Reason", ReportCellKind.Label), new("Col.Category", ReportCellKind.Text), new("Col.Lines", ReportCellKind.Number),
             new("Col.Quantity", ReportCellKind.Number), new("Col.Amount", ReportCellKind.Yen)],
            rows, [2]);
    }

    /// <summary>
    /// Web-user lockouts and desk unlocks per day. A lockout still in force is on the web user; one already
    /// unlocked is in the unlock's audit entry (its "before").
    /// </summary>
    public async Task<ReportTable> LockoutsAsync(OperationsRange range, CancellationToken cancellationToken = default)
    {
        var (start, end) = Bounds(range);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        string[] unlockActions = ["Accounts.WebUserUnlocked", "Accounts.WebUserUnlockedWithTemporaryPassword"];
        var locked = await db.WebUsers.AsNoTracking().Where(u => u.LockedAt >= start && u.LockedAt < end)
            .Select(u => u.LockedAt!.Value).ToListAsync(cancellationToken);
        var unlocks = await db.AuditEntries.AsNoTracking().Where(a => unlockActions.Contains(a.Action) && a.At >= start)
            .Select(a => new { a.At, a.Before }).ToListAsync(cancellationToken);
        var lockouts = locked.Concat(unlocks.Select(u => LockedAtIn(u.Before)).OfType<DateTimeOffset>())
            .Where(at => at >= start && at < end).Select(Day).ToList();
        var unlockDays = unlocks.Where(u => u.At < end).Select(u => Day(u.At)).ToList();
        var rows = new List<object?[]>();
        for (var day = range.From; day <= range.To; day = day.AddDays(1))
            rows.Add([day, lockouts.Count(d => d == day), unlockDays.Count(d => d == day)]);
        return new ReportTable("Ops.Lockouts",
            [new("Col.Date", ReportCellKind.Date), new("Col.Lockouts", ReportCellKind.Number), new("Col.Unlocks", ReportCellKind.Number)],
            rows, [1, 2]);
    }

    /// <summary>Points still owed, by the month they expire (from this month on). Not range-bound: as of today.</summary>
    public async Task<ReportTable> PointLiabilityAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        var today = clock.Today;
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lots = await db.PointLots.AsNoTracking().Where(l => l.Remaining > 0 && l.ValidThrough >= thisMonth)
            .Select(l => new { l.ValidThrough, l.Remaining, l.PointAccountId }).ToListAsync(cancellationToken);
        var rows = lots.GroupBy(l => new DateOnly(l.ValidThrough.Year, l.ValidThrough.Month, 1)).OrderBy(g => g.Key)
            .Select(g => new object?[] { g.Key.ToString("yyyy/MM"), g.Sum(l => (long)l.Remaining),
                g.Select(l => l.PointAccountId).Distinct().Count() })
            .ToList();
        return new ReportTable("Ops.PointLiability",
            [new("Col.ExpiryMonth", ReportCellKind.Text), new("Col.Points", ReportCellKind.Number),
                new("Col.Accounts", ReportCellKind.Number)],
            rows, [1]);
    }

    /// <summary>Prize applications not yet shipped, by days since receipt. As of today.</summary>
    public async Task<ReportTable> PrizeBacklogAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        var today = clock.Today;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.PrizeApplications.AsNoTracking().Where(p => p.Status == PrizeApplicationStatus.Received)
            .Select(p => new { p.ReceivedAt, p.Points }).ToListAsync(cancellationToken);
        var counts = new (int Count, long Points)[AgeBuckets.Length + 1];
        foreach (var p in open)
        {
            var i = Bucket(AgeBuckets, today.DayNumber - Day(p.ReceivedAt).DayNumber);
            counts[i] = (counts[i].Count + 1, counts[i].Points + p.Points);
        }
        return new ReportTable("Ops.PrizeBacklog",
            [new("Col.Age", ReportCellKind.Label), new("Col.Applications", ReportCellKind.Number),
                new("Col.Points", ReportCellKind.Number)],
            counts.Select((c, i) => new object?[] { $"Age.{i}", c.Count, c.Points }).ToList(), [1]);
    }

    private async Task<List<(string? StaffId, double Minutes)>> LeadMinutes(OperationsRange range, CancellationToken cancellationToken)
    {
        var (start, end) = Bounds(range);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keyed = await db.Orders.AsNoTracking()
            .Where(o => o.Channel == OrderChannel.Fax && o.KeyedAt != null && o.ReceivedAt >= start && o.ReceivedAt < end)
            .Select(o => new { o.KeyedByStaffId, o.ReceivedAt, KeyedAt = o.KeyedAt!.Value }).ToListAsync(cancellationToken);
        return keyed.Select(o => (o.KeyedByStaffId, Math.Max(0, (o.KeyedAt - o.ReceivedAt).TotalMinutes))).ToList();
    }

    private (DateTimeOffset Start, DateTimeOffset End) Bounds(OperationsRange range)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        if (range.From > range.To)
            throw new BusinessRuleException("Reporting.RangeInverted");
        if (range.To.DayNumber - range.From.DayNumber >= MaxDays)
            throw new BusinessRuleException("Reporting.RangeTooLong", MaxDays);
        return (clock.DayBounds(range.From).Start, clock.DayBounds(range.To).End);
    }

    private DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(clock.ToBusinessTime(at).DateTime);

    private static int Bucket(int[] upperBounds, double value)
    {
        for (var i = 0; i < upperBounds.Length; i++)
            if (value <= upperBounds[i])
                return i;
        return upperBounds.Length;
    }

    private static int Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0
            : (int)Math.Round(sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2);
    }

    private static DateTimeOffset? LockedAtIn(string? before)
    {
        if (string.IsNullOrEmpty(before))
            return null;
        using var json = JsonDocument.Parse(before);
        return json.RootElement.TryGetProperty("LockedAt", out var at) && at.ValueKind == JsonValueKind.String ? at.GetDateTimeOffset()
            : null;
    }
}
