using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Warehouse;

/// <summary>
/// 出荷実績の取込 (docs/warehouse-files.md), the way the FAX inbox imports: each file of the results folder once, by name
/// and SHA-256 (UNIQUE in the database). A file whose every row is good is applied in one transaction — its file record,
/// one <see cref="ShipmentResult"/> per row, the lines' shipped quantities, the shipments that are now shipped in full —
/// and moved to the archive after the commit; a file with any bad row changes nothing, is recorded with every bad row
/// named and moved to the quarantine folder. A crash between the commit and the move leaves the file where it was: the
/// next scan knows it by its key and only finishes the move.
/// </summary>
public sealed class WarehouseResultsImport(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    IOptions<WarehouseOptions> options,
    BusinessClock clock,
    TimeProvider time,
    ILogger<WarehouseResultsImport> log)
{
    /// <summary>More problems than this are counted, not listed: the alert stays readable.</summary>
    private const int ProblemsKept = 500;

    private readonly Dictionary<string, (long Length, DateTime WrittenAt, int Seen)> _sightings = [];
    private readonly SemaphoreSlim _scanning = new(1, 1);

    private WarehouseOptions Options => options.Value;

    /// <summary>Whether the results folder can be read; the /warehouse page alerts when it cannot.</summary>
    public bool FolderReadable => Directory.Exists(Options.ResultsFolder);

    /// <summary>One pass over the results folder; returns the files applied or quarantined this pass.</summary>
    public async Task<int> ScanAsync(bool waitForStableFiles = true, CancellationToken cancellationToken = default)
    {
        await _scanning.WaitAsync(cancellationToken);
        try
        {
            if (!FolderReadable)
                return 0;
            var done = 0;
            foreach (var path in ReadyFiles(waitForStableFiles))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    done += await ImportFileAsync(path, cancellationToken) ? 1 : 0;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One file's trouble (the database away, a shipment changed meanwhile) never stops the others: tried again next scan.
                    log.LogError(e, "Warehouse results file {File} could not be imported this time; it stays in the folder", Path.GetFileName(path));
                }
            }
            return done;
        }
        finally
        {
            _scanning.Release();
        }
    }

    private List<string> ReadyFiles(bool waitForStableFiles)
    {
        var files = Directory.GetFiles(Options.ResultsFolder).Where(f => !IsTemporary(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList();
        foreach (var gone in _sightings.Keys.Except(files).ToList())
            _sightings.Remove(gone);
        var ready = new List<string>();
        foreach (var path in files)
        {
            FileInfo info = new(path);
            // A file still being written changes between scans: import it once it has held still.
            var seen = _sightings.TryGetValue(path, out var last) && last.Length == info.Length && last.WrittenAt == info.LastWriteTimeUtc ? last.Seen + 1 : 0;
            _sightings[path] = (info.Length, info.LastWriteTimeUtc, seen);
            if (!waitForStableFiles || seen >= Options.StableScans)
                ready.Add(path);
        }
        return ready;
    }

    private static bool IsTemporary(string name) =>
        name.StartsWith('.') || name.StartsWith('~') || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase);

    /// <summary>Applies or quarantines one file; false when it had been dealt with before (only its move was left).</summary>
    internal async Task<bool> ImportFileAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var length = new FileInfo(path).Length;
        var content = length > Options.MaxFileBytes ? [] : await File.ReadAllBytesAsync(path, cancellationToken);
        var hash = length > Options.MaxFileBytes ? await HashFileAsync(path, cancellationToken) : Convert.ToHexStringLower(SHA256.HashData(content));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var earlier = await db.WarehouseResultsFiles.AsNoTracking().Where(f => f.ContentHash == hash && f.FileName == name)
            .Select(f => new { f.Outcome, f.ImportedAt }).FirstOrDefaultAsync(cancellationToken);
        if (earlier is not null)
        {
            log.LogInformation("Warehouse results file {File} was imported before; finishing its move", name);
            Move(path, earlier.Outcome, earlier.ImportedAt, hash);
            return false;
        }

        var (rows, problems, rowCount) = length > Options.MaxFileBytes
            ? ([], [new WarehouseRowProblem(0, "Warehouse.File.TooBig", Options.MaxFileBytes / 1024 / 1024)], 0)
            : WarehouseResultsFormat.Read(content);
        var record = new WarehouseResultsFile { FileName = name, ContentHash = hash, ImportedAt = time.GetUtcNow(), RowCount = rowCount };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        List<ShipmentResult> results = [];
        // Every bad row is named: the well-formed rows are checked against the orders too, unless the file itself is unreadable.
        if (problems.All(p => p.Row > 0))
        {
            (results, var orderProblems) = await CheckAsync(db, rows, cancellationToken);
            problems = [.. problems.Concat(orderProblems).OrderBy(p => p.Row)];
        }
        record.Outcome = problems.Count == 0 ? WarehouseFileOutcome.Applied : WarehouseFileOutcome.Quarantined;
        record.Problems = problems.Count == 0 ? null : Stored(problems);
        db.WarehouseResultsFiles.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            log.LogInformation("Warehouse results file {File} was imported meanwhile by another instance", name);
            return false;
        }
        if (record.Outcome == WarehouseFileOutcome.Applied)
            await ApplyAsync(db, record, results, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (record.Outcome == WarehouseFileOutcome.Applied)
            log.LogInformation("Warehouse results file {File} applied: {Rows} row(s)", name, results.Count);
        else
            log.LogWarning("Warehouse results file {File} quarantined: {Count} problem(s), first: row {Row} {Problem}", name, problems.Count,
                problems[0].Row, problems[0].Key);
        Move(path, record.Outcome, record.ImportedAt, hash);
        return true;
    }

    /// <summary>Every row against the orders: a known instructed line, no more than ordered minus shipped, no date before the order or after today.</summary>
    private async Task<(List<ShipmentResult>, List<WarehouseRowProblem>)> CheckAsync(SmartOfficeDbContext db, List<WarehouseResultRow> rows,
        CancellationToken cancellationToken)
    {
        var shipmentIds = rows.Select(r => r.ShipmentId).Distinct().ToList();
        var shipments = await db.Shipments.AsNoTracking().Where(s => shipmentIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Status, s.DeliveryDate, s.Order!.ReceivedAt }).ToDictionaryAsync(s => s.Id, cancellationToken);
        var lines = await db.OrderLines.AsNoTracking().Where(l => shipmentIds.Contains(l.ShipmentId))
            .Select(l => new { l.Id, l.ShipmentId, l.LineNumber, l.Quantity, l.ShippedQuantity }).ToDictionaryAsync(l => (l.ShipmentId, l.LineNumber), cancellationToken);
        var problems = new List<WarehouseRowProblem>();
        var results = new List<ShipmentResult>();
        var shippedInFile = new Dictionary<int, int>();
        foreach (var row in rows)
        {
            if (!shipments.TryGetValue(row.ShipmentId, out var shipment) || !lines.TryGetValue((row.ShipmentId, row.LineNumber), out var line))
            {
                problems.Add(new(row.Row, "Warehouse.Row.UnknownLine", row.ShipmentId, row.LineNumber));
                continue;
            }
            if (shipment.Status is ShipmentStatus.Open or ShipmentStatus.Voided)
            {
                problems.Add(new(row.Row, "Warehouse.Row.NotInstructed", row.ShipmentId));
                continue;
            }
            var before = shippedInFile.GetValueOrDefault(line.Id);
            var left = line.Quantity - line.ShippedQuantity - before;
            if (row.Quantity > left)
                problems.Add(new(row.Row, "Warehouse.Row.OverShipped", row.Quantity, line.Quantity, line.ShippedQuantity + before, Math.Max(0, left)));
            shippedInFile[line.Id] = before + row.Quantity;
            var ordered = DateOnly.FromDateTime(clock.ToBusinessTime(shipment.ReceivedAt).DateTime);
            if (row.ShippedOn < ordered)
                problems.Add(new(row.Row, "Warehouse.Row.BeforeOrder", WarehouseResultsFormat.Day(row.ShippedOn), WarehouseResultsFormat.Day(ordered)));
            if (row.ShippedOn > clock.Today)
                problems.Add(new(row.Row, "Warehouse.Row.ShippedInFuture", WarehouseResultsFormat.Day(row.ShippedOn)));
            results.Add(new ShipmentResult
            {
                ShipmentId = row.ShipmentId, OrderLineId = line.Id, RowNumber = row.Row, Quantity = row.Quantity, ShippedOn = row.ShippedOn,
                DeliverySlipNumber = row.DeliverySlipNumber, Carrier = row.Carrier, TrackingNumber = row.TrackingNumber,
                CarrierDeliveryDate = row.CarrierDeliveryDate, DeliveryDate = row.CarrierDeliveryDate ?? shipment.DeliveryDate,
            });
        }
        return (results, problems);
    }

    /// <summary>
    /// The rows and what they change. Each line's shipped quantity grows in one guarded UPDATE that never passes the ordered
    /// quantity, so two imports racing over one line cannot both pass the check: the second fails whole and is tried again.
    /// </summary>
    private static async Task ApplyAsync(SmartOfficeDbContext db, WarehouseResultsFile record, List<ShipmentResult> results, CancellationToken cancellationToken)
    {
        foreach (var result in results)
            result.WarehouseResultsFileId = record.Id;
        db.ShipmentResults.AddRange(results);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (lineId, quantity) in results.GroupBy(r => r.OrderLineId).Select(g => (g.Key, g.Sum(r => r.Quantity))))
        {
            var updated = await db.OrderLines.Where(l => l.Id == lineId && l.ShippedQuantity + quantity <= l.Quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ShippedQuantity, l => l.ShippedQuantity + quantity), cancellationToken);
            if (updated == 0)
                throw new DbUpdateConcurrencyException($"Order line {lineId} was shipped meanwhile.");
        }
        var shipmentIds = results.Select(r => r.ShipmentId).Distinct().ToList();
        // 出荷済 once every line of the shipment has shipped in full.
        await db.Shipments.Where(s => shipmentIds.Contains(s.Id) && s.Status == ShipmentStatus.Instructed
                                      && db.OrderLines.Where(l => l.ShipmentId == s.Id).All(l => l.ShippedQuantity >= l.Quantity))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ShipmentStatus.Shipped).SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
    }

    /// <summary>The problems as the file record keeps them: row, key and arguments as text, rendered in the reader's language.</summary>
    private static string Stored(List<WarehouseRowProblem> problems)
    {
        var kept = problems.Take(ProblemsKept).ToList();
        if (problems.Count > ProblemsKept)
            kept.Add(new WarehouseRowProblem(0, "Warehouse.File.MoreProblems", problems.Count - ProblemsKept));
        return JsonSerializer.Serialize(kept.Select(p => new StoredProblem(p.Row, p.Key,
            p.Args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)).ToArray())));
    }

    internal static IReadOnlyList<WarehouseRowProblem> Problems(string? stored) =>
        stored is null ? [] : JsonSerializer.Deserialize<List<StoredProblem>>(stored)!.Select(p => new WarehouseRowProblem(p.Row, p.Key, p.Args)).ToList();

    private sealed record StoredProblem(int Row, string Key, string?[] Args);

    /// <summary>Into the archive or the quarantine folder under the import day, with a hash prefix so two files of one name never collide.</summary>
    private void Move(string path, WarehouseFileOutcome outcome, DateTimeOffset importedAt, string hash)
    {
        var root = outcome == WarehouseFileOutcome.Applied ? Options.ArchiveFolder : Options.QuarantineFolder;
        var day = clock.ToBusinessTime(importedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var target = Path.Combine(root, day, $"{hash[..8]}_{Path.GetFileName(path)}");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(path, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Recorded already: the file stays and the next scan finishes the move.
            log.LogError("Warehouse results file {File} cannot be moved to {Target}: {Reason}", Path.GetFileName(path), target, e.Message);
        }
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
