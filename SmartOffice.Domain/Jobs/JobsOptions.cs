namespace SmartOffice.Domain.Jobs;

/// <summary>The <c>Jobs</c> section of appsettings.json.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Off in test hosts that must not close batches under a running test.</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>The Quartz scheduler's name in its tables; every console instance sharing one database uses the same.</summary>
    public string SchedulerName { get; set; } = "SmartOffice";

    /// <summary>A trigger this late is a misfire and fires once at once (Quartz's misfire threshold).</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Where shipping instructions (出荷指示) are written; relative to the app's content root.</summary>
    public string OutboxFolder { get; set; } = "data/outbox";

    /// <summary>
    /// FAX and furniture batches close this long after the cutoff, so a FAX received before the cutoff can still be keyed
    /// into its own batch; later ones go with the next batch.
    /// </summary>
    public int FaxKeyingGraceMinutes { get; set; } = 30;

    /// <summary>How many days back a run looks for batches that were never closed (downtime).</summary>
    public int CatchUpDays { get; set; } = 7;

    /// <summary>The point expiry job's time on the 1st of each month (Japan time).</summary>
    public TimeOnly PointExpiryAt { get; set; } = new(0, 10);

    /// <summary>The delivery job's daily time (Japan time): shipped parts whose delivery date has come are delivered on
    /// that date.</summary>
    public TimeOnly DeliveryAt { get; set; } = new(0, 20);

    /// <summary>
    /// SQLite page cache of the point expiry run's connection, MiB: the due lots and the ledger's indexes stay in memory while a
    /// month-end's hundreds of thousands of lots expire (taken as used, freed after the run).
    /// </summary>
    public int PointExpiryCacheMiB { get; set; } = 256;
}
