using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Warehouse;

/// <summary>
/// The intake of a warehouse file (docs/warehouse-files.md), the way the FAX inbox imports: each file of its drop folder once,
/// by name and SHA-256 (UNIQUE in the database). A file whose every row is good is applied in one transaction with its file
/// record and moved to the archive after the commit; a file with any bad row changes nothing, is recorded with every bad row
/// named and moved to the quarantine folder. A crash between the commit and the move leaves the file where it was: the
/// next scan knows it by its key and only finishes the move. The kinds of file differ only in their rows and what they change.
/// </summary>
public abstract class WarehouseFileIntake<TRow, TPlan>(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    IOptions<WarehouseOptions> options,
    BusinessClock clock,
    TimeProvider time,
    ILogger log)
{
    private readonly Dictionary<string, (long Length, DateTime WrittenAt, int Seen)> _sightings = [];
    private readonly SemaphoreSlim _scanning = new(1, 1);

    protected WarehouseOptions Options => options.Value;

    protected BusinessClock Clock => clock;

    protected TimeProvider Time => time;

    /// <summary>The drop folder of this kind of file.</summary>
    public abstract string Folder { get; }

    protected abstract WarehouseFileKind Kind { get; }

    /// <summary>What the log calls the file ("results", "stock receipt").</summary>
    protected abstract string Label { get; }

    /// <summary>Reads every row of the file and names every problem of form; touches no database.</summary>
    private protected abstract (List<TRow> Rows, List<WarehouseRowProblem> Problems, int RowCount) Read(byte[] content);

    /// <summary>The well-formed rows against the database: what to apply, and every row's problem.</summary>
    private protected abstract Task<(TPlan Plan, List<WarehouseRowProblem> Problems)> CheckAsync(SmartOfficeDbContext db, List<TRow> rows,
        CancellationToken cancellationToken);

    /// <summary>Applies a file whose every row is good, in the import's transaction; returns the rows applied.</summary>
    private protected abstract Task<int> ApplyAsync(SmartOfficeDbContext db, WarehouseResultsFile record, TPlan plan,
        CancellationToken cancellationToken);

    /// <summary>Whether the drop folder can be read; the /warehouse page alerts when it cannot.</summary>
    public bool FolderReadable => Directory.Exists(Folder);

    /// <summary>One pass over the drop folder; returns the files applied or quarantined this pass.</summary>
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
                    log.LogError(e, "Warehouse {Kind} file {File} could not be imported this time; it stays in the folder", Label,
                        Path.GetFileName(path));
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
        var files = Directory.GetFiles(Folder).Where(f => !IsTemporary(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList();
        foreach (var gone in _sightings.Keys.Except(files).ToList())
            _sightings.Remove(gone);
        var ready = new List<string>();
        foreach (var path in files)
        {
            FileInfo info = new(path);
            // A file still being written changes between scans: import it once it has held still.
            var seen = _sightings.TryGetValue(path, out var last) && last.Length == info.Length && last.WrittenAt == info.LastWriteTimeUtc
                ? last.Seen + 1 : 0;
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
        var hash = length > Options.MaxFileBytes ? await HashFileAsync(path, cancellationToken)
            : Convert.ToHexStringLower(SHA256.HashData(content));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var earlier = await db.WarehouseResultsFiles.AsNoTracking().Where(f => f.ContentHash == hash && f.FileName == name)
            .Select(f => new { f.Outcome, f.ImportedAt }).FirstOrDefaultAsync(cancellationToken);
        if (earlier is not null)
        {
            log.LogInformation("Warehouse {Kind} file {File} was imported before; finishing its move", Label, name);
            Move(path, earlier.Outcome, earlier.ImportedAt, hash);
            return false;
        }

        var (rows, problems, rowCount) = length > Options.MaxFileBytes
            ? ([], [new WarehouseRowProblem(0, "Warehouse.File.TooBig", Options.MaxFileBytes / 1024 / 1024)], 0)
            : Read(content);
        var record = new WarehouseResultsFile { FileName = name, ContentHash = hash, ImportedAt = time.GetUtcNow(), RowCount = rowCount,
            Kind = Kind };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        TPlan plan = default!;
        // Every bad row is named: the well-formed rows are checked against the orders too, unless the file itself is unreadable.
        if (problems.All(p => p.Row > 0))
        {
            (plan, var orderProblems) = await CheckAsync(db, rows, cancellationToken);
            problems = [.. problems.Concat(orderProblems).OrderBy(p => p.Row)];
        }
        record.Outcome = problems.Count == 0 ? WarehouseFileOutcome.Applied : WarehouseFileOutcome.Quarantined;
        record.Problems = problems.Count == 0 ? null : WarehouseProblems.Stored(problems);
        db.WarehouseResultsFiles.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            log.LogInformation("Warehouse {Kind} file {File} was imported meanwhile by another instance", Label, name);
            return false;
        }
        var applied = record.Outcome == WarehouseFileOutcome.Applied ? await ApplyAsync(db, record, plan, cancellationToken) : 0;
        await transaction.CommitAsync(cancellationToken);

        if (record.Outcome == WarehouseFileOutcome.Applied)
            log.LogInformation("Warehouse {Kind} file {File} applied: {Rows} row(s)", Label, name, applied);
        else
            log.LogWarning("Warehouse {Kind} file {File} quarantined: {Count} problem(s), first: row {Row} {Problem}", Label, name,
                problems.Count,
                problems[0].Row, problems[0].Key);
        Move(path, record.Outcome, record.ImportedAt, hash);
        return true;
    }

    /// <summary>Into the archive or the quarantine folder under the import day, with a hash prefix so two files of one
    /// name never collide.</summary>
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
            log.LogError("Warehouse {Kind} file {File} cannot be moved to {Target}: {Reason}", Label, Path.GetFileName(path), target,
                e.Message);
        }
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
