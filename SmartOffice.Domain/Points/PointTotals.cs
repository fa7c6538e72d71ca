using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Points;

/// <summary>A customer's live points per department, as the points page and the customer panel both show them.</summary>
internal static class PointTotals
{
    /// <summary>
    /// Per department with points: the balance of lots valid today, and what of it expires by the end of today's month
    /// (Japan).
    /// </summary>
    public static async Task<Dictionary<int, (int Balance, int Expiring)>> PerDepartmentAsync(SmartOfficeDbContext db, int customerId,
        DateOnly today,
        CancellationToken cancellationToken)
    {
        var monthEnd = new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month));
        return await (from l in db.PointLots
                      join a in db.PointAccounts on l.PointAccountId equals a.Id
                      join d in db.Departments on a.DepartmentId equals d.Id
                      where d.CustomerId == customerId && l.ValidThrough >= today
                      group l by a.DepartmentId into g
                      select new { DepartmentId = g.Key, Balance = g.Sum(l => l.Remaining),
                          Expiring = g.Sum(l => l.ValidThrough <= monthEnd ? l.Remaining : 0) })
            .ToDictionaryAsync(x => x.DepartmentId, x => (x.Balance, x.Expiring), cancellationToken);
    }
}
