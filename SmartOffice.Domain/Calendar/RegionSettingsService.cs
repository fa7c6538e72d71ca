using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Calendar;

/// <summary>A supervisor's edit of one region's 締時刻 and lead days; <see cref="Version"/> is what they saw.</summary>
public sealed record RegionCutoffChange(int RegionId, int Version, TimeOnly FaxCutoff, TimeOnly WebCutoff, int ExtraLeadDays);

/// <summary>Regions and their cutoffs (地域・締時刻): listed for everyone who keys orders, edited by supervisors (audited).</summary>
public sealed class RegionSettingsService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time,
    SchedulingChanges schedulingChanges)
{
    /// <summary>More lead days than this is surely a typing error.</summary>
    public const int MaxExtraLeadDays = 10;

    private const string ChangedKey = "Regions.Changed";

    public async Task<IReadOnlyList<Region>> ListAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(cancellationToken);
    }

    public async Task<Region> UpdateAsync(RegionCutoffChange change, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        if (change.ExtraLeadDays is < 0 or > MaxExtraLeadDays)
            throw new BusinessRuleException("Regions.LeadDaysRange", MaxExtraLeadDays);
        if (change.FaxCutoff.Second != 0 || change.WebCutoff.Second != 0)
            throw new BusinessRuleException("Regions.WholeMinutes");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var region = (await db.Regions.FirstOrDefaultAsync(r => r.Id == change.RegionId, cancellationToken)
            ?? throw new BusinessRuleException(ChangedKey)).AsSeen(change.Version, ChangedKey);

        var before = Snapshot(region);
        region.FaxCutoff = change.FaxCutoff;
        region.WebCutoff = change.WebCutoff;
        region.ExtraLeadDays = change.ExtraLeadDays;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Regions.CutoffsChanged", nameof(Region), region.Code, before, Snapshot(region)));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        schedulingChanges.Raise();
        return region;
    }

    private static object Snapshot(Region r) =>
        new { FaxCutoff = r.FaxCutoff.ToString("HH:mm"), WebCutoff = r.WebCutoff.ToString("HH:mm"), r.ExtraLeadDays };
}
