using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Bench;

/// <summary>
/// <c>point-expiry</c>: the month-end job over 1,000,000 lots of which 400,000 are due (12 past month-ends), on a database
/// of its own (<c>bench/.data/expiry.db</c>, built once). <see cref="PointExpiryService"/> (set-based) against the tracked
/// per-row EF way — load every due lot, zero it, add its entry, save — each on a fresh copy of the same file.
/// Target: &lt; 3 s and at least 10× the baseline. Both must leave the same ledger.
/// </summary>
internal sealed class PointExpiryBenchmark(string repositoryRoot) : IBenchmark
{
    private const int Lots = 1_000_000;
    private const int Accounts = 10_000;
    private const int Departments = 1_000;
    private const double TargetSeconds = 3;
    private const double TargetRatio = 10;
    /// <summary>The run: 1 December 2026, 00:10 Japan time; lots valid through 30 November or earlier are due.</summary>
    private static readonly DateTimeOffset RunAt = new(2026, 12, 1, 0, 10, 0, TimeSpan.FromHours(9));

    public bool UsesDemoData => false;

    public async Task<IReadOnlyList<BenchResult>> RunAsync(IServiceProvider? services, int runs, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(repositoryRoot, "bench", ".data");
        Directory.CreateDirectory(folder);
        var template = Path.Combine(folder, "expiry.db");
        if (!File.Exists(template))
            await BuildTemplateAsync(template, cancellationToken);
        await MigrateAsync(template, cancellationToken);

        var (setBased, setLedger) = await OnCopyAsync(template, Path.Combine(folder, "expiry-run.db"), async provider =>
        {
            var clock = new BusinessClock(new FixedTime(RunAt), provider.GetRequiredService<IOptions<RulesOptions>>());
            var run = await new PointExpiryService(provider.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>(), clock,
                    provider.GetRequiredService<IOptions<JobsOptions>>())
                .RunAsync(JobRunTrigger.Schedule, cancellationToken: cancellationToken);
            if (run.Outcome != JobRunOutcome.Completed)
                throw new InvalidOperationException($"The expiry run did not complete: {run.Detail}");
        }, cancellationToken);
        var (tracked, trackedLedger) = await OnCopyAsync(template, Path.Combine(folder, "expiry-run.db"),
            provider => TrackedPerRowAsync(provider.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>(), cancellationToken),
                cancellationToken);

        var ratio = tracked.TotalSeconds / setBased.TotalSeconds;
        var met = setBased.TotalSeconds < TargetSeconds && ratio >= TargetRatio;
        global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"set-based PointExpiryService     {setBased.TotalSeconds,8:0.00} s   ledger {setLedger}"));
        global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"baseline: tracked EF per row     {tracked.TotalSeconds,8:0.00} s   ledger {trackedLedger}"));
        global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ratio:0.0}x the baseline; target < {TargetSeconds} s and ≥ {TargetRatio}x: {(met ? "met" : "MISSED")}"));
        if (setLedger != trackedLedger)
            global::System.Console.WriteLine("Warning: the two ways left different ledgers.");
        return
        [
            BenchResult.Against("point-expiry 400k of 1M lots", setBased.TotalSeconds, "s", tracked.TotalSeconds, "tracked EF per row",
                TargetSeconds, met)
                with { TargetNote = $"≥ {TargetRatio}×" },
        ];
    }

    /// <summary>The template follows the model (new indexes), so both ways run on the schema the app has.</summary>
    private async Task MigrateAsync(string template, CancellationToken cancellationToken)
    {
        await using (var provider = BenchData.Build(repositoryRoot, template))
        {
            await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(withDemoData: false, cancellationToken);
            await using var db = await provider.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>()
                .CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Copies the template, times <paramref name="expire"/> on the copy and sums up the ledger it left
    /// (entries, points).</summary>
    private async Task<(TimeSpan Elapsed, (int Entries, long Points) Ledger)> OnCopyAsync(string template, string copy,
        Func<IServiceProvider, Task> expire, CancellationToken cancellationToken)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(copy + suffix);
        File.Copy(template, copy);
        await using var provider = BenchData.Build(repositoryRoot, copy);
        var contexts = provider.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>();
        await using (var warm = await contexts.CreateDbContextAsync(cancellationToken))
            await warm.PointLots.CountAsync(cancellationToken);

        var start = Stopwatch.GetTimestamp();
        await expire(provider);
        var elapsed = Stopwatch.GetElapsedTime(start);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.PointLedger.CountAsync(e => e.Kind == PointEntryKind.Expire, cancellationToken);
        var points = await db.PointLedger.Where(e => e.Kind == PointEntryKind.Expire).SumAsync(e => (long)e.Points, cancellationToken);
        return (elapsed, (entries, points));
    }

    /// <summary>The baseline: every due lot loaded and tracked, one entry added per lot, one SaveChanges.</summary>
    private static async Task TrackedPerRowAsync(IDbContextFactory<SmartOfficeDbContext> contexts, CancellationToken cancellationToken)
    {
        var firstOfMonth = DateOnly.FromDateTime(RunAt.DateTime);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.PointLots.Where(l => l.ValidThrough < firstOfMonth && l.Remaining > 0).ToListAsync(cancellationToken);
        foreach (var lot in due)
        {
            db.PointLedger.Add(new PointLedgerEntry
            {
                PointAccountId = lot.PointAccountId, PointLotId = lot.Id, Kind = PointEntryKind.Expire, Points = -lot.Remaining,
                BusinessDate = lot.ValidThrough.AddDays(1), RecordedAt = RunAt,
            });
            lot.Remaining = 0;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// 1,000 departments with 10 accounts each and 100 lots per account; 40 % of the lots valid through one of the 12 month-ends
    /// before the run (due), the rest through one of the 12 after it.
    /// </summary>
    private async Task BuildTemplateAsync(string template, CancellationToken cancellationToken)
    {
        global::System.Console.WriteLine($"Preparing {Lots:N0} point lots once in {template}…");
        var partial = template + ".partial";
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(partial + suffix);
        await using (var provider = BenchData.Build(repositoryRoot, partial))
        {
            await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(withDemoData: false, cancellationToken);
            var contexts = provider.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var region = await db.Regions.FirstAsync(cancellationToken);
            var customer = new Customer
            {
                Code = "900001", Name = "株式会社ベンチ", NameKana = "ベンチ", PostalCode = "100-0001", Address = "東京都千代田区1-1",
                Phone = "03-0000-0000", RegionId = region.Id, Dealer = new Dealer { Code = "B1", Name = "ベンチ販売店", Phone = "03-0000-0001" },
            };
            var departments = Enumerable.Range(0, Departments).Select(d => new Department
            {
                Customer = customer, Code = $"{d:D4}", Name = $"部署{d}", PostalCode = "100-0001", Address = "東京都千代田区1-1",
            }).ToList();
            db.Departments.AddRange(departments);
            await db.SaveChangesAsync(cancellationToken);
            db.PointAccounts.AddRange(departments.SelectMany(d => Enumerable.Range(0, Accounts / Departments)
                .Select(_ => new PointAccount { Kind = PointAccountKind.Department, DepartmentId = d.Id })));
            await db.SaveChangesAsync(cancellationToken);
            var firstAccount = await db.PointAccounts.MinAsync(a => a.Id, cancellationToken);
#pragma warning disable EF1002 // only integers are interpolated (sizes and an id), never input
            await db.Database.ExecuteSqlRawAsync(
                $"""
                 WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {Lots - 1})
                 INSERT INTO "PointLots" ("PointAccountId", "Points", "Remaining", "EarnedOn", "ValidThrough")
                 SELECT {firstAccount} + i % {Accounts}, 50, 30 + i % 21,
                        date(v, '-1 year'), v
                 FROM (SELECT i, CASE WHEN i % 5 < 2
                                      THEN date('2026-12-01', '-' || (i % 12) || ' months', '-1 day')
                                      ELSE date('2026-12-01', '+' || (i % 12 + 1) || ' months', '-1 day') END AS v FROM n)
                 """, cancellationToken);
#pragma warning restore EF1002
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
        SqliteConnection.ClearAllPools();
        File.Move(partial, template);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
