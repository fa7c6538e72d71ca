using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.Diagnostics;

/// <summary>
/// The console's own meter, <see cref="MeterName"/>, beside .NET's <c>Microsoft.AspNetCore.Components*</c> meters: how long a
/// quote (the entry form's live summary) and a save take, export rows written (a rate per second when watched), FAX imports
/// and how long the oldest unclaimed FAX has waited, job runs. Read live with dotnet-counters, exported to OpenTelemetry when
/// configured (docs/performance.md). Names follow OpenTelemetry's conventions: durations in seconds, counts in {units}.
/// </summary>
public sealed class ConsoleMetrics
{
    public const string MeterName = "SmartOffice.Console";

    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60],
    };

    private readonly IDbContextFactory<SmartOfficeDbContext>? _contexts;
    private readonly TimeProvider _time;
    private readonly Histogram<double> _quote;
    private readonly Histogram<double> _save;
    private readonly Counter<long> _exportRows;
    private readonly Histogram<double> _export;
    private readonly Counter<long> _faxImports;
    private readonly Counter<long> _jobRuns;
    private readonly Histogram<double> _job;
    private readonly Lock _queueGate = new();
    private (long ReadAt, double Age, int Length)? _queue;

    /// <param name="contexts">Where the FAX queue gauges look (none: they report nothing).</param>
    /// <param name="meters">The host's meter factory (its meters are disposed with it); none: a meter of this instance's own.</param>
    public ConsoleMetrics(IDbContextFactory<SmartOfficeDbContext>? contexts = null, TimeProvider? time = null, IMeterFactory? meters = null)
    {
        _contexts = contexts;
        _time = time ?? TimeProvider.System;
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _quote = meter.CreateHistogram("smartoffice.order.quote.duration", "s",
            "Time to price a FAX order draft (the entry form's live summary).", advice: Seconds);
        _save = meter.CreateHistogram("smartoffice.order.save.duration", "s", "Time to save (or refuse) a FAX order, by outcome.",
            advice: Seconds);
        _exportRows = meter.CreateCounter<long>("smartoffice.export.rows", "{row}", "Purchase data rows written to downloads, by format.");
        _export = meter.CreateHistogram("smartoffice.export.duration", "s", "Time to write a purchase data download, by format.",
            advice: Seconds);
        _faxImports = meter.CreateCounter<long>("smartoffice.fax.imports", "{fax}",
            "FAX files taken in, by outcome (imported, quarantined) and source.");
        meter.CreateObservableGauge("smartoffice.fax.queue.age",
            () => Queue() is { } q ? [new Measurement<double>(q.Age)] : Array.Empty<Measurement<double>>(),
            "s", "How long the oldest FAX not yet claimed has waited since it was received.");
        meter.CreateObservableGauge("smartoffice.fax.queue.length",
            () => Queue() is { } q ? [new Measurement<int>(q.Length)] : Array.Empty<Measurement<int>>(),
            "{fax}", "FAXes not yet claimed.");
        _jobRuns = meter.CreateCounter<long>("smartoffice.job.runs", "{run}", "Scheduled job runs, by job and outcome.");
        _job = meter.CreateHistogram("smartoffice.job.duration", "s", "Time a scheduled job run took, by job.", advice: Seconds);
    }

    /// <summary>A start time for one of the durations below (monotonic, not the business clock).</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    public void Quoted(long started) => _quote.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);

    /// <param name="outcome"><c>saved</c>, <c>replayed</c>, <c>confirmation</c> (asks first, saved nothing) or <c>refused</c>.</param>
    public void Saved(long started, string outcome) =>
        _save.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    public void ExportRows(int rows, string format) => _exportRows.Add(rows, new KeyValuePair<string, object?>("format", format));

    public void Exported(long started, string format) =>
        _export.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("format", format));

    /// <param name="outcome"><c>imported</c> or <c>quarantined</c>.</param>
    /// <param name="source"><c>folder</c> (the FAX server's drop folder) or <c>upload</c>.</param>
    public void FaxTakenIn(string outcome, string source) =>
        _faxImports.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("source", source));

    public void JobRan(string job, string outcome, TimeSpan took)
    {
        var name = new KeyValuePair<string, object?>("job", job);
        _jobRuns.Add(1, name, new KeyValuePair<string, object?>("outcome", outcome));
        _job.Record(took.TotalSeconds, name);
    }

    /// <summary>
    /// Read when a listener collects (dotnet-counters each second, OpenTelemetry each export), never otherwise, and once for
    /// both gauges: two queries on the (status, received) index. A database that cannot answer reports nothing rather than
    /// failing the collection.
    /// </summary>
    private (double Age, int Length)? Queue()
    {
        if (_contexts is null)
            return null;
        lock (_queueGate)
        {
            if (_queue is { } recent && Stopwatch.GetElapsedTime(recent.ReadAt) < TimeSpan.FromMilliseconds(500))
                return (recent.Age, recent.Length);
            try
            {
                using var db = _contexts.CreateDbContext();
                var waiting = db.FaxInboxItems.AsNoTracking().Where(i => i.Status == FaxStatus.New);
                var oldest = waiting.OrderBy(i => i.ReceivedAt).Select(i => (DateTimeOffset?)i.ReceivedAt).FirstOrDefault();
                var age = oldest is { } received ? Math.Max(0, (_time.GetUtcNow() - received).TotalSeconds) : 0;
                _queue = (Stopwatch.GetTimestamp(), age, waiting.Count());
                return (_queue.Value.Age, _queue.Value.Length);
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
            {
                return null;
            }
        }
    }
}
