using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Jobs;

/// <summary>The jobs page's history: runs and closed batches (supervisors only).</summary>
public sealed class JobRunService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff)
{
    /// <summary>The latest run of each job that has run.</summary>
    public async Task<IReadOnlyDictionary<string, JobRun>> LastRunsAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = db.JobRuns.GroupBy(r => r.JobName).Select(g => g.Max(r => r.Id));
        return await db.JobRuns.AsNoTracking().Where(r => latest.Contains(r.Id)).ToDictionaryAsync(r => r.JobName, cancellationToken);
    }

    public async Task<IReadOnlyList<JobRun>> RecentRunsAsync(int take, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.JobRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>Every run, newest first (the jobs page lists the latest of them), for an export.</summary>
    public async Task<ListRows<JobRun>> ExportAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        return await ListRows.OpenAsync(contexts, db => db.JobRuns.AsNoTracking().OrderByDescending(r => r.Id), cancellationToken);
    }

    public async Task<IReadOnlyList<CutoffBatch>> RecentBatchesAsync(int take, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CutoffBatches.AsNoTracking().OrderByDescending(b => b.AcceptanceDay).ThenBy(b => b.BatchKey).Take(take)
            .ToListAsync(cancellationToken);
    }
}
