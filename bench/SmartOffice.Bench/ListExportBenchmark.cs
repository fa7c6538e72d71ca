using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Components.Pages.Auditing;
using SmartOffice.Console.Components.Shared;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Bench;

/// <summary>
/// <c>list-export</c>: the audit page's export of 100,000 entries through the generic list export (the declaration, the audit
/// service's rows, the history formatter's words, the streaming sheet), as xlsx and CSV UTF-8, each in its own process for its peak
/// working set, on a database of its own (<c>bench/.data/audit.db</c>, built once). Baseline in the same run: the same rows
/// gathered in memory first and then written — what an export that is not streamed would hold.
/// </summary>
internal sealed class ListExportBenchmark(string repositoryRoot) : IBenchmark
{
    public const string ChildCommand = "list-export-variant";
    private const int Entries = 100_000;
    private const double PeakTargetMegabytes = 200;
    private static readonly string[] Variants = ["xlsx", "csv-utf8", "xlsx-in-memory"];

    public bool UsesDemoData => false;

    public async Task<IReadOnlyList<BenchResult>> RunAsync(IServiceProvider? services, int runs, CancellationToken cancellationToken)
    {
        var file = Path.Combine(repositoryRoot, "bench", ".data", "audit.db");
        await BenchData.DiscardIfOldAsync(repositoryRoot, file, cancellationToken);
        if (!File.Exists(file))
            await BuildAsync(file, cancellationToken);
        var measured = new Dictionary<string, (double Seconds, double PeakMegabytes, int Rows, double Cpu)>();
        foreach (var variant in Variants)
        {
            var last = await ChildRun.LastLineAsync(ChildCommand, variant, file, 4, cancellationToken);
            measured[variant] = (double.Parse(last[0], CultureInfo.InvariantCulture),
                long.Parse(last[1], CultureInfo.InvariantCulture) / 1048576.0,
                int.Parse(last[2], CultureInfo.InvariantCulture), double.Parse(last[3], CultureInfo.InvariantCulture));
            global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {variant,-15} {measured[variant].Seconds,6:F2} s (CPU {measured[variant].Cpu,6:F2} s)  " +
                    $"peak {measured[variant].PeakMegabytes,6:F0} MB  {measured[variant].Rows:N0} rows"));
        }
        var xlsx = measured["xlsx"];
        var memory = measured["xlsx-in-memory"];
        const string inMemory = "the same rows gathered in memory, then written";
        return
        [
            BenchResult.Against($"list-export audit {xlsx.Rows / 1000}k xlsx peak working set", xlsx.PeakMegabytes, "MB",
                memory.PeakMegabytes, inMemory, PeakTargetMegabytes),
            BenchResult.Against($"list-export audit {xlsx.Rows / 1000}k xlsx time", xlsx.Seconds, "s", memory.Seconds, inMemory, null),
            BenchResult.Absolute($"list-export audit {xlsx.Rows / 1000}k csv-utf8 peak working set", measured["csv-utf8"].PeakMegabytes,
                "MB", PeakTargetMegabytes),
            BenchResult.Absolute($"list-export audit {xlsx.Rows / 1000}k csv-utf8 time", measured["csv-utf8"].Seconds, "s", null),
        ];
    }

    /// <summary>The child: one variant; prints "seconds peak-bytes rows cpu-seconds".</summary>
    public static async Task<int> RunChildAsync(string repositoryRoot, string variant, string databaseFile)
    {
        await using var services = BenchData.Build(repositoryRoot, databaseFile, register: s =>
        {
            s.AddLocalization(o => o.ResourcesPath = "Resources");
            s.AddScoped<HistoryFormatter>();
            s.AddSingleton<ICurrentStaff>(new BenchStaff("bench-super", "ベンチ 監督", null, StaffRoles.Supervisor));
        });
        await using var scope = services.CreateAsyncScope();
        var path = Path.Combine(Path.GetTempPath(), $"list-export-{variant}-{Environment.ProcessId}.out");
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var run = await AuditListExport.Declaration.OpenAsync(scope.ServiceProvider, "{}", CancellationToken.None);
        ExportResult result;
        await using (var file = File.Create(path))
        await using (var sheet =
            await ExportPipeline.OpenAsync(variant == "csv-utf8" ? ExportFormat.CsvUtf8 : ExportFormat.Xlsx, file, run.SheetName,
            run.Columns,
                         CancellationToken.None))
        {
            if (variant == "xlsx-in-memory")
            {
                // The baseline: every entry held before the first row is written.
                var all = new List<AuditEntry>();
                await foreach (var entry in (await scope.ServiceProvider.GetRequiredService<AuditTrailService>()
                                   .ExportAsync(new AuditQuery(null, null, null, null, null, null))).Rows)
                    all.Add(entry);
                var held = await AuditListExport.Declaration.OpenAsync(scope.ServiceProvider, "{}", CancellationToken.None);
                result = await held.WriteAsync(sheet, null, CancellationToken.None);
                GC.KeepAlive(all);
            }
            else
                result = await run.WriteAsync(sheet, null, CancellationToken.None);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        self.Refresh();
        File.Delete(path);
        global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{seconds:F3} {self.PeakWorkingSet64} {result.Lines} {(self.TotalProcessorTime - cpu).TotalSeconds:F3}"));
        return 0;
    }

    /// <summary>100,000 entries of the kinds the console writes (an order keyed, an unlock, a settings change), over 90 days.</summary>
    private async Task BuildAsync(string file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var partial = file + ".partial";
        File.Delete(partial);
        await using (var services = BenchData.Build(repositoryRoot, partial))
        {
            await using (var db = await services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>()
                .CreateDbContextAsync(cancellationToken))
                await db.Database.MigrateAsync(cancellationToken);
        }
        await using (var connection = new SqliteConnection($"Data Source={partial}"))
        {
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO AuditEntries (At, StaffId, StaffName, Action, EntityType, EntityId, Before, After, RequestedBy, Note)
                VALUES ($at, $staff, $name, $action, $type, $id, $before, $after, $requested, $note)
                """;
            string[] names = ["at", "staff", "name", "action", "type", "id", "before", "after", "requested", "note"];
            var parameters = names.Select(n => insert.Parameters.Add(new SqliteParameter("$" + n, null))).ToArray();
            var start = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < Entries; i++)
            {
                object?[] values = (i % 3) switch
                {
                    0 => [start.AddSeconds(i * 77), "desk", "田中 美咲", "Ordering.FaxOrderSaved", "Order", $"F{i:D8}", null,
                        $$"""{"OrderNumber":"F{{i:D8}}","Status":"Accepted","ReceivedAt":"2026-11-25T01:{{i % 60:D2}}:00+00:""" +
                            $$"""00","Total":{{1000 + i}},"Lines":[{"LineNumber":1,"ProductCode":"A1000001","Quantity":{{i % 9 + 1}},"U""" +
                            $$"""nitPrice":1000}]}""",
                        null, null],
                    1 => [start.AddSeconds(i * 77), "desk2", "佐藤 健太", "Accounts.WebUserUnlocked", "WebUser", $"u{i:D7}",
                        """{"LockedAt":"2026-11-24T23:00:00+00:00","FailedPasswordCount":5}""",
                            """{"LockedAt":null,"FailedPasswordCount":0}""",
                        "10000001 / 03-2222-3333 / 総務部", null],
                    _ => [start.AddSeconds(i * 77), "super", "伊藤 真理", "Accounts.DepartmentEdited", "Customer", $"{10000000 + i % 5000}",
                        """{"Code":"001","Name":"総務部","MonthlyBudget":null,"BudgetKind":"Soft"}""",
                            """{"Code":"001","Name":"総務部","MonthlyBudget":50000,"BudgetKind":"Hard"}""",
                        "山田 花子 様(電話)", "予算の設定"],
                };
                for (var p = 0; p < parameters.Length; p++)
                    parameters[p].Value = values[p] is DateTime at ? at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                        : values[p] ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        SqliteConnection.ClearAllPools();
        File.Move(partial, file);
    }
}
