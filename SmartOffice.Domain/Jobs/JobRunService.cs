using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Jobs;

/// <summary>The jobs page's history: the last runs of each job and the batches closed (supervisors only).</summary>
public sealed class JobRunService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff)
{
    /// <summary>The newest <paramref name="perJob"/> runs of every job, newest first.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<JobRun>>> RecentRunsAsync(int perJob, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.JobRuns.Select(r => r.JobName).Distinct().ToListAsync(cancellationToken);
        var result = new Dictionary<string, IReadOnlyList<JobRun>>();
        foreach (var name in names)
        {
            result[name] = await db.JobRuns.AsNoTracking().Where(r => r.JobName == name)
                .OrderByDescending(r => r.Id).Take(perJob).ToListAsync(cancellationToken);
        }
        return result;
    }

    public async Task<IReadOnlyList<CutoffBatch>> RecentBatchesAsync(int take, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.Operations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CutoffBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(take).ToListAsync(cancellationToken);
    }
}
