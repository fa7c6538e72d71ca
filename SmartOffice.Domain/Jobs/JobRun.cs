namespace SmartOffice.Domain.Jobs;

/// <summary>What started a run: its schedule, a catch-up of a missed fire (misfire), or a supervisor's "run now".</summary>
public enum JobRunTrigger { Schedule, Misfire, Manual }

public enum JobRunOutcome
{
    /// <summary>Closed batches, wrote instructions or expired points.</summary>
    Completed,
    /// <summary>Everything due was already done (a second run, another node, a re-run): nothing changed.</summary>
    NothingToDo,
    /// <summary>Not an acceptance day, so no batch was due.</summary>
    Skipped,
    Failed,
}

/// <summary>One execution of a scheduled job, as the jobs page lists it.</summary>
public class JobRun
{
    public long Id { get; set; }
    public required string JobName { get; set; }
    /// <summary>The business date or month it worked on, e.g. <c>2026-11-25</c> or <c>2026-12</c>.</summary>
    public required string BusinessKey { get; set; }
    public JobRunTrigger Trigger { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public JobRunOutcome Outcome { get; set; }
    /// <summary>Batches closed, or lots expired.</summary>
    public int Batches { get; set; }
    /// <summary>Shipments instructed, or points expired.</summary>
    public int Items { get; set; }
    public string? Detail { get; set; }
    public string? StaffId { get; set; }
}
