using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.FaxInbox;

/// <summary>What to do with a file from the drop folder, given the marks of earlier attempts.</summary>
internal enum AttemptVerdict
{
    /// <summary>Decode it: no attempt before, or this process's own (it gave up on an error, e.g. the database away).</summary>
    Decode,
    /// <summary>Quarantine it: an earlier attempt did not finish — its process ended while decoding.</summary>
    Interrupted,
    /// <summary>Leave it this scan: another instance is decoding it right now.</summary>
    Busy,
}

/// <summary>
/// The marks of <see cref="FaxIntakeAttempt"/>: one is written (and committed) before a file is decoded, and removed once the
/// file is imported or quarantined. A mark left by another process of this machine can only be from a process that ended
/// (one console per machine watches a folder); a mark of another machine is taken as abandoned once older than
/// <see cref="Abandoned"/> — until then that instance may still be decoding the file.
/// </summary>
internal static class FaxImportAttempts
{
    /// <summary>Far longer than the largest allowed file takes to decode on a busy machine.</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(10);

    /// <summary>This process: machine, process id and start time (a restarted container may reuse its process id).</summary>
    public static readonly string ThisProcess = FormattableString.Invariant(
        $"{Environment.MachineName}:{Environment.ProcessId}:{Process.GetCurrentProcess().StartTime.ToUniversalTime():yyyyMMddHHmmssfff}");

    public static async Task<(AttemptVerdict Verdict, FaxIntakeAttempt? Earlier)> BeginAsync(SmartOfficeDbContext db, string name,
        string hash,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var earlier = await db.FaxIntakeAttempts.AsNoTracking()
            .FirstOrDefaultAsync(a => a.ContentHash == hash && a.FileName == name, cancellationToken);
        if (earlier is null)
        {
            db.FaxIntakeAttempts.Add(new FaxIntakeAttempt { FileName = name, ContentHash = hash, StartedAt = now, Instance = ThisProcess });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (AttemptVerdict.Decode, null);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                db.ChangeTracker.Clear();
                return (AttemptVerdict.Busy, null);
            }
        }
        if (earlier.Instance == ThisProcess)
            return (AttemptVerdict.Decode, earlier);
        var sameMachine = earlier.Instance.StartsWith(Environment.MachineName + ":", StringComparison.Ordinal);
        return sameMachine || now - earlier.StartedAt > Abandoned ? (AttemptVerdict.Interrupted, earlier) : (AttemptVerdict.Busy, earlier);
    }

    /// <summary>The file's outcome is recorded (item or quarantine issue): its mark goes.</summary>
    public static Task EndAsync(SmartOfficeDbContext db, string name, string hash, CancellationToken cancellationToken) =>
        db.FaxIntakeAttempts.Where(a => a.ContentHash == hash && a.FileName == name).ExecuteDeleteAsync(cancellationToken);
}
