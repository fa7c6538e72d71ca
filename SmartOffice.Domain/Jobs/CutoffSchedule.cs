using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Jobs;

/// <summary>
/// One cutoff the scheduler fires: furniture at 13:00 for every channel and region, and each region's FAX and Web cutoffs.
/// <see cref="ClosesAfter"/> is how long after the cutoff the batch closes (FAX keying grace; none for Web).
/// </summary>
public sealed record CutoffDefinition(string JobName, CutoffKind Kind, int? RegionId, string? RegionName, TimeOnly Cutoff,
    TimeSpan ClosesAfter)
{
    public const string Prefix = "cutoff-";

    /// <summary>The Japan-time wall clock at which the batch closes, wrapped to one day.</summary>
    public TimeOnly ClosesAt => Cutoff.Add(ClosesAfter);
}

/// <summary>The cutoffs that are set: read from the rules and the region table each time, so supervisors' edits count at once.</summary>
public sealed class CutoffSchedule(IDbContextFactory<SmartOfficeDbContext> contexts, IOptions<RulesOptions> rules,
    IOptions<JobsOptions> jobs)
{
    public async Task<IReadOnlyList<CutoffDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(cancellationToken);
        var grace = TimeSpan.FromMinutes(jobs.Value.FaxKeyingGraceMinutes);
        var list = new List<CutoffDefinition> {
            new(CutoffDefinition.Prefix + "furniture", CutoffKind.Furniture, null, null, rules.Value.FurnitureCutoff, grace) };
        foreach (var region in regions)
        {
            list.Add(new(CutoffDefinition.Prefix + "fax-" + region.Code, CutoffKind.Fax, region.Id, region.Name, region.FaxCutoff, grace));
            list.Add(new(CutoffDefinition.Prefix + "web-" + region.Code, CutoffKind.Web, region.Id, region.Name, region.WebCutoff,
                TimeSpan.Zero));
        }
        return list;
    }

    public async Task<CutoffDefinition?> FindAsync(string jobName, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(d => d.JobName == jobName);
}
