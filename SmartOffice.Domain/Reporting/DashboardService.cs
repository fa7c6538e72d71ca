using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Reporting;

/// <summary>The next 締時刻 that will close a batch: which one, when, and the minutes left.</summary>
public sealed record UpcomingCutoff(string Label, OrderChannel? Channel, DateTimeOffset At, int MinutesLeft);

/// <summary>Live counts for the home page. Dealer reps get their own dealer's customers only.</summary>
public sealed record DashboardCounts(
    DateOnly Today,
    bool TodayIsAcceptanceDay,
    int FaxOrdersToday,
    int WebOrdersToday,
    int LockedWebUsers,
    int WebUsersNearLock,
    int OpenReturnSlips,
    int OpenBalanceRequests,
    int OpenPrizeApplications,
    int Customers,
    UpcomingCutoff? NextCutoff,
    /// <summary>受信FAX not yet done or rejected (null for dealer reps, who have no FAX inbox).</summary>
    int? OpenFaxes,
    /// <summary>Stock-out notices not sent, back orders by age, special orders without a date (null for dealer reps,
    /// who do not key orders).</summary>
    FollowUpCounts? FollowUp = null);

public sealed class DashboardService(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    ICurrentStaff staff,
    BusinessClock clock,
    BusinessCalendarCache calendar,
    IOptions<RulesOptions> options,
    IOptions<FollowUpOptions> followUp)
{
    /// <summary>Web users this close to the lockout threshold are shown as "near the limit".</summary>
    private const int NearLockMargin = 2;

    public async Task<DashboardCounts> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!staff.IsAuthenticated)
            throw new AccessDeniedException(Capability.OrderSearch);
        var dealer = AccessPolicy.DealerScope(staff);
        var today = clock.Today;
        var (start, end) = clock.DayBounds(today);
        var rules = new DeliveryRules(await calendar.GetAsync(cancellationToken), options.Value);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Unscoped roles query whole tables; a dealer rep's queries go through their customers.
        var customers = db.Customers.Where(c => dealer == null || c.DealerId == dealer);
        var customerIds = customers.Select(c => c.Id);
        var departmentIds = db.Departments.Where(d => dealer == null || customerIds.Contains(d.CustomerId)).Select(d => d.Id);
        var accountIds = db.PointAccounts.Where(a => dealer == null || departmentIds.Contains(a.DepartmentId)).Select(a => a.Id);
        var orders = db.Orders.Where(o => o.ReceivedAt >= start && o.ReceivedAt < end
            && (dealer == null || customerIds.Contains(o.CustomerId)));
        var webUsers = db.WebUsers.Where(w => w.IsActive && (dealer == null || departmentIds.Contains(w.DepartmentId)));
        var nearLock = options.Value.LockoutThreshold - NearLockMargin;

        return new DashboardCounts(
            today,
            rules.IsAcceptanceDay(today),
            await orders.CountAsync(o => o.Channel == OrderChannel.Fax, cancellationToken),
            await orders.CountAsync(o => o.Channel == OrderChannel.Web, cancellationToken),
            await webUsers.CountAsync(w => w.LockedAt != null, cancellationToken),
            await webUsers.CountAsync(w => w.LockedAt == null && w.FailedPasswordCount >= nearLock, cancellationToken),
            await db.ReturnSlips.CountAsync(r => r.Status != ReturnSlipStatus.Done && r.Status != ReturnSlipStatus.Rejected
                                                 && (dealer == null || customerIds.Contains(r.CustomerId)), cancellationToken),
            await db.BalanceRequests.CountAsync(b => b.Status == BalanceRequestStatus.Open
                                                     && (dealer == null || customerIds.Contains(b.CustomerId)), cancellationToken),
            await db.PrizeApplications.CountAsync(p =>
                (p.Status == PrizeApplicationStatus.Received || p.Status == PrizeApplicationStatus.Arranged)
                                                       && (dealer == null || accountIds.Contains(p.PointAccountId)), cancellationToken),
            await customers.CountAsync(cancellationToken),
            NextCutoff(rules, await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(cancellationToken)),
            AccessPolicy.Allows(staff, Capability.FaxOrderEntry)
                ? await db.FaxInboxItems.CountAsync(f => f.Status == FaxStatus.New || f.Status == FaxStatus.InProgress, cancellationToken)
                : null,
            AccessPolicy.Allows(staff, Capability.FaxOrderEntry)
                ? await FollowUpQueries.CountsAsync(db, today, followUp.Value.Bands, cancellationToken)
                : null);
    }

    /// <summary>The soonest cutoff still ahead: furniture, then each region's FAX and Web cutoffs, on the next acceptance day.</summary>
    private UpcomingCutoff? NextCutoff(DeliveryRules rules, IReadOnlyList<Region> regions)
    {
        var now = clock.Now;
        for (var day = clock.Today; day <= clock.Today.AddDays(14); day = day.AddDays(1))
        {
            if (!rules.IsAcceptanceDay(day))
                continue;
            var candidates = regions
                .SelectMany(r => new[]
                {
                    new UpcomingCutoff(r.Name, OrderChannel.Fax, clock.At(day, r.FaxCutoff), 0),
                    new UpcomingCutoff(r.Name, OrderChannel.Web, clock.At(day, r.WebCutoff), 0),
                })
                .Append(new UpcomingCutoff(DomainText.Format("Cutoff.Furniture"), null, clock.At(day, options.Value.FurnitureCutoff), 0))
                .Where(c => c.At > now)
                .OrderBy(c => c.At)
                .FirstOrDefault();
            if (candidates is not null)
                return candidates with { MinutesLeft = (int)Math.Ceiling((candidates.At - now).TotalMinutes) };
        }
        return null;
    }
}
