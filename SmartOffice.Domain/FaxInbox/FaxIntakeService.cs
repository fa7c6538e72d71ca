using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Diagnostics;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.FaxInbox;

/// <summary>
/// 受信FAXの取込: each file the FAX server drops becomes one inbox item, exactly once. The item (with its page images)
/// is committed first and the original moved to the archive after, so a crash or restart in between leaves the file in
/// the drop folder with its item already there; the next scan recognises it by (file name, SHA-256), which is UNIQUE
/// in the database, and only finishes the move. A second console instance on the same folder meets the same key.
/// A file that cannot be read as a FAX goes to the quarantine folder with an <see cref="FaxIntakeIssue"/>: refused by its
/// length before it is read, by its pages' declared pixels before they are decoded, and — when an earlier attempt's mark
/// (<see cref="FaxIntakeAttempt"/>) says the process died decoding it — without being decoded again. Folder problems (drop
/// folder missing or a file, archive unwritable) are reported in <see cref="FaxIntakeStatus"/> and logged once; no file is
/// ever deleted unless its identical copy is archived.
/// </summary>
public sealed class FaxIntakeService(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    IOptions<FaxInboxOptions> options,
    BusinessClock clock,
    TimeProvider time,
    FaxInboxChanges changes,
    FaxIntakeStatus status,
    ILogger<FaxIntakeService> log,
    ConsoleMetrics? metrics = null)
{
    private readonly Dictionary<string, (long Length, DateTime WrittenAt, int Seen)> _sightings = [];
    private readonly SemaphoreSlim _scanning = new(1, 1);

    private FaxInboxOptions Options => options.Value;

    /// <summary>One pass over the drop folder; returns how many files became inbox items.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken = default)
    {
        await _scanning.WaitAsync(cancellationToken);
        try
        {
            var files = DropFolderFiles();
            status.Scanned(time.GetUtcNow());
            if (files is null)
                return 0;
            var imported = 0;
            var unarchived = new List<string>();
            var unquarantined = new List<string>();
            foreach (var path in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var outcome = await ImportFileAsync(path, cancellationToken);
                    imported += outcome == FileOutcome.Imported ? 1 : 0;
                    if (outcome is FileOutcome.Imported or FileOutcome.NotArchived or FileOutcome.Quarantined or FileOutcome.NotQuarantined)
                        metrics?.FaxTakenIn(outcome is FileOutcome.Imported or FileOutcome.NotArchived ? "imported" : "quarantined",
                            "folder");
                    if (outcome == FileOutcome.NotArchived)
                        unarchived.Add(Path.GetFileName(path));
                    if (outcome == FileOutcome.NotQuarantined)
                        unquarantined.Add(Path.GetFileName(path));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One file's trouble (the database away, a read error) never stops the others: it is tried again next scan.
                    log.LogError(e, "FAX file {File} could not be imported this time; it stays in the drop folder", Path.GetFileName(path));
                }
            }
            Track(FaxFolder.Archive, Options.ArchiveFolder, unarchived);
            Track(FaxFolder.Quarantine, Options.QuarantineFolder, unquarantined);
            return imported;
        }
        finally
        {
            _scanning.Release();
        }
    }

    /// <summary>The files ready to import (settled, not temporary), or null when the drop folder cannot be read.</summary>
    private List<string>? DropFolderFiles()
    {
        var folder = Options.DropFolder;
        (string Key, string Detail)? problem = null;
        string[] files = [];
        if (File.Exists(folder))
            problem = ("FaxInbox.Folder.IsAFile", "a file, not a folder");
        else if (!Directory.Exists(folder))
            problem = ("FaxInbox.Folder.Missing", "the folder does not exist");
        else
        {
            try
            {
                files = Directory.GetFiles(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = ("FaxInbox.Folder.Unreadable", e.Message);
            }
        }
        if (problem is { } p)
        {
            if (status.Report(FaxFolder.Drop, folder, p.Key, p.Detail, time.GetUtcNow()))
                log.LogError("FAX drop folder {Folder} cannot be read: {Problem}. No FAX is imported until it is back", folder, p.Detail);
            return null;
        }
        if (status.Clear(FaxFolder.Drop))
            log.LogInformation("FAX drop folder {Folder} is readable again", folder);

        var ready = new List<string>();
        var present = new HashSet<string>(files);
        foreach (var gone in _sightings.Keys.Where(k => !present.Contains(k)).ToList())
            _sightings.Remove(gone);
        foreach (var path in files.Order(StringComparer.Ordinal))
        {
            if (IsTemporary(Path.GetFileName(path)))
                continue;
            FileInfo info = new(path);
            // A file still being written changes between scans: import it once it has held still.
            var seen = _sightings.TryGetValue(path, out var last) && last.Length == info.Length
                && last.WrittenAt == info.LastWriteTimeUtc ? last.Seen + 1 : 0;
            _sightings[path] = (info.Length, info.LastWriteTimeUtc, seen);
            if (seen >= Options.StableScans)
                ready.Add(path);
        }
        return ready;
    }

    private static bool IsTemporary(string name) =>
        name.StartsWith('.') || name.StartsWith('~') || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase);

    private enum FileOutcome { Imported, Finished, Quarantined, NotArchived, NotQuarantined, Unreadable, Busy }

    private async Task<FileOutcome> ImportFileAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        long length;
        string hash;
        DateTimeOffset fileTime;
        try
        {
            // Named by a streamed hash: a file of any length (over 2 GB too) is identified without being loaded.
            length = new FileInfo(path).Length;
            hash = await FaxFileStore.HashAsync(path, cancellationToken);
            fileTime = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable(name, e);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var archivedAs = await db.FaxInboxItems.AsNoTracking().Where(i => i.ContentHash == hash && i.FileName == name)
            .Select(i => i.ArchivedAs).FirstOrDefaultAsync(cancellationToken);
        if (archivedAs is not null)
        {
            // Imported before the move could happen (a crash, a restart, the archive unwritable): only the move is left.
            log.LogInformation("FAX file {File} is already in the inbox; finishing its move to the archive", name);
            await FaxImportAttempts.EndAsync(db, name, hash, cancellationToken);
            return FaxFileStore.Move(path, hash, Options.ArchiveFolder, archivedAs, log) ? FileOutcome.Finished : FileOutcome.NotArchived;
        }
        var quarantinedAs = await db.FaxIntakeIssues.AsNoTracking().Where(i => i.ContentHash == hash && i.FileName == name)
            .Select(i => i.QuarantinedAs).FirstOrDefaultAsync(cancellationToken);
        if (quarantinedAs is not null)
        {
            await FaxImportAttempts.EndAsync(db, name, hash, cancellationToken);
            return FaxFileStore.Move(path, hash, Options.QuarantineFolder, quarantinedAs,
                log) ? FileOutcome.Quarantined : FileOutcome.NotQuarantined;
        }

        var renderer = FaxPageRenderer.From(Options);
        FaxRendering rendering;
        try
        {
            renderer.CheckLength(length);
            var (verdict, earlier) = await FaxImportAttempts.BeginAsync(db, name, hash, time.GetUtcNow(), cancellationToken);
            if (verdict == AttemptVerdict.Busy)
                return FileOutcome.Busy;
            if (verdict == AttemptVerdict.Interrupted)
                throw new FaxFileException(FaxFileProblem.ImportInterrupted,
                    $"the import begun {earlier!.StartedAt:yyyy-MM-dd HH:mm:ss} UTC by {earlier.Instance} did not finish: "
                    + "not decoded again");
            log.LogDebug("Decoding FAX file {File} ({Length} bytes)", name, length);
            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(path, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Unreadable(name, e);
            }
            if (FaxFileStore.Hash(content) != hash)
                return Unreadable(name, new IOException("the file changed while it was read"));
            rendering = renderer.Render(name, content);
        }
        catch (FaxFileException e)
        {
            return await QuarantineAsync(db, path, hash, e, cancellationToken);
        }

        var named = new FaxFileName(Options, clock).Read(name);
        var item = NewItem(name, hash, rendering, FaxSource.FaxServer, named.ReceivedAt ?? fileTime, named.SenderFax);
        if (!await InsertAsync(db, item, rendering, cancellationToken))
            log.LogInformation("FAX file {File} was imported meanwhile by another instance", name);
        else
        {
            log.LogInformation(
                "FAX {File} imported as inbox item {Id}: {Pages} page(s), received {ReceivedAt:yyyy-MM-dd HH:mm}, from {Sender}",
                name, item.Id, item.PageCount, clock.ToBusinessTime(item.ReceivedAt), item.SenderFax ?? "?");
            changes.Raise();
        }
        await FaxImportAttempts.EndAsync(db, name, hash, cancellationToken);
        return FaxFileStore.Move(path, hash, Options.ArchiveFolder, item.ArchivedAs!, log) ? FileOutcome.Imported : FileOutcome.NotArchived;
    }

    private FileOutcome Unreadable(string name, Exception e)
    {
        log.LogWarning("FAX file {File} cannot be read yet ({Reason}); trying again next scan", name, e.Message);
        return FileOutcome.Unreadable;
    }

    /// <summary>A file handed in by hand: the original is archived first (it exists nowhere else), then the item saved.</summary>
    /// <exception cref="BusinessRuleException">Not a FAX file, already in the inbox, or the archive cannot be written.</exception>
    internal async Task<int> ImportUploadAsync(FaxUpload upload, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(upload.FileName.Trim());
        if (name.Length == 0)
            throw new BusinessRuleException("FaxInbox.UploadNoFile");
        FaxRendering rendering;
        try
        {
            rendering = FaxPageRenderer.From(Options).Render(name, upload.Content);
        }
        catch (FaxFileException e)
        {
            throw new BusinessRuleException("FaxInbox.UploadRefused", name, DomainText.Format("FaxInbox.Problem." + e.Problem));
        }
        var hash = FaxFileStore.Hash(upload.Content);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.FaxInboxItems.AsNoTracking().Where(i => i.ContentHash == hash && i.FileName == name).Select(i => (int?)i.Id)
                .FirstOrDefaultAsync(cancellationToken) is { } existing)
            throw new BusinessRuleException("FaxInbox.AlreadyImported", name, existing);
        var sender = upload.SenderFax is { } typed ? Text.JapaneseInput.Digits(typed) : null;
        var item = NewItem(name, hash, rendering, FaxSource.Upload, upload.ReceivedAt,
            string.IsNullOrEmpty(sender) ? new FaxFileName(Options, clock).Read(name).SenderFax : sender);
        try
        {
            FaxFileStore.WriteAtomically(Path.Combine(Options.ArchiveFolder, item.ArchivedAs!), upload.Content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogError("Uploaded FAX {File} refused: the archive folder {Folder} cannot be written ({Reason})", name,
                Options.ArchiveFolder, e.Message);
            throw new BusinessRuleException("FaxInbox.ArchiveUnwritable");
        }
        if (!await InsertAsync(db, item, rendering, cancellationToken))
            throw new BusinessRuleException("FaxInbox.AlreadyImported", name, "");
        log.LogInformation("FAX {File} uploaded as inbox item {Id}: {Pages} page(s)", name, item.Id, item.PageCount);
        metrics?.FaxTakenIn("imported", "upload");
        changes.Raise();
        return item.Id;
    }

    private FaxInboxItem NewItem(string name, string hash, FaxRendering rendering, FaxSource source, DateTimeOffset receivedAt,
        string? sender) =>
        FaxInboxItem.Received(name, hash, source, rendering.ContentType, KeptAs(receivedAt, hash, name), receivedAt, time.GetUtcNow(),
            sender,
            rendering.Pages.Count);

    /// <summary>The item and its pages in one transaction, its sender matched to a customer; false when the key was taken first.</summary>
    private static async Task<bool> InsertAsync(SmartOfficeDbContext db, FaxInboxItem item, FaxRendering rendering,
        CancellationToken cancellationToken)
    {
        item.IdentifySender(await FaxSender.MatchAsync(db, item.SenderFax, cancellationToken));
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.FaxInboxItems.Add(item);
            await db.SaveChangesAsync(cancellationToken);
            db.FaxPages.AddRange(rendering.Pages.Select((p, i) => new FaxPage
            {
                FaxInboxItemId = item.Id, PageNumber = i + 1, Width = p.Width, Height = p.Height, Png = p.Png,
            }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
    }

    private async Task<FileOutcome> QuarantineAsync(SmartOfficeDbContext db, string path, string hash, FaxFileException problem,
        CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var issue = new FaxIntakeIssue
        {
            FileName = name, ContentHash = hash, Problem = problem.Problem, Detail = Shorten(problem.Message, 400),
            QuarantinedAs = KeptAs(time.GetUtcNow(), hash, name), DetectedAt = time.GetUtcNow(),
        };
        db.FaxIntakeIssues.Add(issue);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            log.LogWarning("FAX file {File} not imported ({Problem}: {Detail}); moved to the quarantine folder as {QuarantinedAs}",
                name, problem.Problem, problem.Message, issue.QuarantinedAs);
            changes.Raise();
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another instance recorded it first; its quarantine name is the same.
        }
        await FaxImportAttempts.EndAsync(db, name, hash, cancellationToken);
        return FaxFileStore.Move(path, hash, Options.QuarantineFolder, issue.QuarantinedAs,
            log) ? FileOutcome.Quarantined : FileOutcome.NotQuarantined;
    }

    /// <summary>Reports (and logs once) the files a folder could not take this scan, or clears the alert when it took them all.</summary>
    private void Track(FaxFolder folder, string root, List<string> waiting)
    {
        if (waiting.Count == 0)
        {
            if (status.Clear(folder))
                log.LogInformation("FAX {Folder} folder {Path} is writable again", folder, root);
            return;
        }
        var (key, reason) = FaxFileStore.Probe(root);
        if (status.Report(folder, root, key, reason, time.GetUtcNow(), waiting.Count))
            log.LogError("FAX {Folder} folder {Path} cannot be written ({Reason}): {Count} file(s) stay in the drop folder, e.g. {File}",
                folder, root, reason, waiting.Count, waiting[0]);
    }

    /// <summary>By the day received (Japan time), with a hash prefix so two FAXes of one name never collide.</summary>
    private string KeptAs(DateTimeOffset at, string hash, string name) =>
        Path.Combine(clock.ToBusinessTime(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            $"{hash[..8]}_{name}");

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];
}
