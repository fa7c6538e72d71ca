using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>
/// The background reading of FAXes (読取), one FAX at a time per engine, off the request path. The queue is the database:
/// an open FAX without a <see cref="FaxRecognition"/> row is unread, so FAXes imported while no worker ran are read when
/// one starts. A worker claims a FAX by inserting its row (unique per FAX: of two workers, one wins) with a time-limited
/// claim; a worker that dies mid-read leaves the claim to expire, and the next takes it over — at most
/// <c>MaxAttempts</c> times, then the FAX is marked unreadable. The result is stored in one transaction, only while the
/// claim is still this worker's. Nothing here changes the FAX itself: the agent's sort decides its kind.
/// </summary>
public sealed class FaxRecognitionRunner(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    IOptions<FaxRecognitionOptions> options,
    TimeProvider time,
    FaxInboxChanges changes,
    FaxRecognitionStatus status,
    ILogger<FaxRecognitionRunner> log)
{
    private sealed record Claim(int RecognitionId, int ItemId, int Attempt);

    private FaxRecognitionOptions Options => options.Value;

    /// <summary>
    /// One engine per concurrent reader, loaded once and kept; null when the engine is missing — then the status says why
    /// (one notice on the inbox), one error is logged, and nothing else changes.
    /// </summary>
    public IReadOnlyList<IOcrEngine>? LoadEngines()
    {
        var engines = new List<IOcrEngine>();
        try
        {
            for (var i = 0; i < Math.Max(1, Options.Concurrency); i++)
                engines.Add(TesseractEngine.Load(Options.Library, Options.TessdataFolder));
            var version = TesseractEngine.Version(Options.Library);
            status.Started(version);
            log.LogInformation("FAX recognition: tesseract {Version}, {Count} reader(s)", version, engines.Count);
            return engines;
        }
        catch (OcrUnavailableException e)
        {
            engines.ForEach(x => x.Dispose());
            status.Failed(e.Message, e.Package);
            changes.Raise();
            log.LogError(
                "FAX recognition is off: {Reason}. FAXes are keyed as before; install tesseract-ocr and tesseract-ocr-jpn and restart",
                e.Message);
            return null;
        }
    }

    /// <summary>Claims the oldest unread open FAX and reads it with <paramref name="engine"/>; false when none is waiting.</summary>
    public async Task<bool> ReadNextAsync(IOcrEngine engine, CancellationToken cancellationToken = default)
    {
        var claim = await ClaimAsync(cancellationToken);
        if (claim is null)
            return false;
        await ReadAsync(claim, engine, cancellationToken);
        return true;
    }

    private async Task<Claim?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            var now = time.GetUtcNow();
            var until = now + Options.ClaimFor;
            var stale = await db.FaxRecognitions.AsNoTracking().Where(r => r.State == FaxRecognitionState.Reading && r.LeaseUntil < now)
                .OrderBy(r => r.Id).Select(r => new { r.Id, r.FaxInboxItemId, r.Attempts }).FirstOrDefaultAsync(cancellationToken);
            if (stale is null)
                break;
            var mine = db.FaxRecognitions.Where(r => r.Id == stale.Id && r.State == FaxRecognitionState.Reading
                && r.Attempts == stale.Attempts);
            if (stale.Attempts >= Options.MaxAttempts)
            {
                var problem = $"reading did not finish in {stale.Attempts} attempts";
                if (await mine.ExecuteUpdateAsync(s => s.SetProperty(r => r.State, FaxRecognitionState.Unreadable)
                    .SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null)
                        .SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Problem, problem), cancellationToken) == 1)
                {
                    log.LogWarning("FAX {Item} marked unreadable: {Problem}", stale.FaxInboxItemId, problem);
                    changes.Raise();
                }
                continue;
            }
            if (await mine.ExecuteUpdateAsync(s => s.SetProperty(r => r.Attempts, r => r.Attempts + 1).SetProperty(r => r.LeaseUntil, until)
                    .SetProperty(r => r.StartedAt, now), cancellationToken) == 1)
            {
                log.LogInformation("FAX {Item}: the reading of an earlier worker did not finish; reading it again", stale.FaxInboxItemId);
                return new Claim(stale.Id, stale.FaxInboxItemId, stale.Attempts + 1);
            }
        }

        var unread = await db.FaxInboxItems.AsNoTracking()
            .Where(i => (i.Status == FaxStatus.New || i.Status == FaxStatus.InProgress)
                && !db.FaxRecognitions.Any(r => r.FaxInboxItemId == i.Id))
            .OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id).Select(i => i.Id).Take(5).ToListAsync(cancellationToken);
        foreach (var itemId in unread)
        {
            var now = time.GetUtcNow();
            var recognition = new FaxRecognition
            {
                FaxInboxItemId = itemId, State = FaxRecognitionState.Reading, Attempts = 1, StartedAt = now,
                    LeaseUntil = now + Options.ClaimFor,
            };
            db.FaxRecognitions.Add(recognition);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new Claim(recognition.Id, itemId, 1);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // Another worker claimed it first.
                db.ChangeTracker.Clear();
            }
        }
        return null;
    }

    private async Task ReadAsync(Claim claim, IOcrEngine engine, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pages = await db.FaxPages.AsNoTracking().Where(p => p.FaxInboxItemId == claim.ItemId).OrderBy(p => p.PageNumber)
            .Take(Options.MaxPages)
            .Select(p => new { p.PageNumber, p.Png }).ToListAsync(cancellationToken);
        var readings = new List<FormPageReading>();
        string? problem = null;
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var image = GrayPage.FromPng(page.Png);
                readings.Add(OrderFormReader.Read(image, page.PageNumber, engine));
            }
            catch (ArgumentException e)
            {
                problem = $"page {page.PageNumber}: {e.Message}";
                break;
            }
        }
        var merged = FaxOrderReading.Merge(readings);
        var state = problem is not null ? FaxRecognitionState.Unreadable
            : merged.FormPages > 0 ? FaxRecognitionState.Read : FaxRecognitionState.NotAForm;
        var now = time.GetUtcNow();
        var duration = (int)watch.ElapsedMilliseconds;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.FaxRecognitions.Where(r => r.Id == claim.RecognitionId && r.State == FaxRecognitionState.Reading
            && r.Attempts == claim.Attempt)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, state).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.DurationMs, duration).SetProperty(r => r.FormId, merged.FormId)
                    .SetProperty(r => r.FormPages, merged.FormPages)
                .SetProperty(r => r.Problem, problem).SetProperty(r => r.EngineVersion, status.EngineVersion), cancellationToken);
        if (stored == 0)
        {
            log.LogInformation("FAX {Item}: another worker took the reading over; this one is dropped", claim.ItemId);
            return;
        }
        foreach (var field in merged.Fields)
            field.FaxRecognitionId = claim.RecognitionId;
        db.FaxRecognizedFields.AddRange(merged.Fields);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        log.LogInformation("FAX {Item} read in {Ms} ms: {State}, {Pages} form page(s), {Fields} field(s)", claim.ItemId, duration, state,
            merged.FormPages,
            merged.Fields.Count);
        changes.Raise();
    }
}
