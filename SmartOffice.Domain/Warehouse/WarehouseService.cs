using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Warehouse;

/// <summary>One imported results file as the /warehouse page lists it, its problems in the reader's language.</summary>
public sealed record WarehouseFileRow(int Id, string FileName, DateTimeOffset ImportedAt, WarehouseFileOutcome Outcome, int RowCount,
    int ResultCount, IReadOnlyList<WarehouseRowProblem> Problems, WarehouseFileKind Kind = WarehouseFileKind.Results);

/// <summary>The /warehouse page: whether the folder can be read, and the last imports, quarantined ones first as alerts.</summary>
public sealed record WarehouseOverview(string ResultsFolder, bool FolderReadable, IReadOnlyList<WarehouseFileRow> Alerts,
    IReadOnlyList<WarehouseFileRow> LastImports);

/// <summary>倉庫 (supervisors and administrators): the results imports, their alerts, and a scan on demand.</summary>
public sealed class WarehouseService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, WarehouseResultsImport import,
    Microsoft.Extensions.Options.IOptions<WarehouseOptions> options)
{
    private const int Shown = 50;
    private static readonly TimeSpan AlertAge = TimeSpan.FromDays(14);

    public async Task<WarehouseOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.WarehouseResults);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var files = await db.WarehouseResultsFiles.AsNoTracking().OrderByDescending(f => f.ImportedAt).ThenByDescending(f => f.Id)
            .Take(Shown)
            .Select(f => new { f.Id, f.FileName, f.ImportedAt, f.Outcome, f.RowCount, f.Problems, f.Kind,
                Results = db.ShipmentResults.Count(r => r.WarehouseResultsFileId == f.Id)
                    + db.StockReceipts.Count(r => r.WarehouseResultsFileId == f.Id) })
            .ToListAsync(cancellationToken);
        var rows = files.Select(f => new WarehouseFileRow(f.Id, f.FileName, f.ImportedAt, f.Outcome, f.RowCount, f.Results,
            WarehouseProblems.Problems(f.Problems), f.Kind)).ToList();
        var since = rows.Count == 0 ? DateTimeOffset.MinValue : rows.Max(r => r.ImportedAt) - AlertAge;
        return new WarehouseOverview(options.Value.ResultsFolder, import.FolderReadable,
            rows.Where(r => r.Outcome == WarehouseFileOutcome.Quarantined && r.ImportedAt >= since).ToList(), rows);
    }

    /// <summary>Imports what lies in the results folder now, without waiting for the next scan (the stock page scans its own).</summary>
    public async Task<int> ScanNowAsync(CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.WarehouseResults);
        if (!import.FolderReadable)
            throw new BusinessRuleException("Warehouse.FolderMissing", options.Value.ResultsFolder);
        return await import.ScanAsync(waitForStableFiles: false, cancellationToken);
    }
}
