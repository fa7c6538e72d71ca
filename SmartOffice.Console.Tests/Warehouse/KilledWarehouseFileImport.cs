using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Warehouse;
using Xunit.Abstractions;
using static SmartOffice.Console.Tests.Warehouse.WarehouseTestData;

namespace SmartOffice.Console.Tests.Warehouse;

/// <summary>
/// The built console (a process of its own) imports a warehouse file from its drop folder and is SIGKILLed while it does — at
/// each of the kind of file's <see cref="Moments"/>: statements of the import's transaction, then its log line after the
/// commit, before the file's move. Right after each kill the file is applied whole or not at all; after the restart on the
/// same database it is applied exactly once and leaves the folder. One kind of file per subclass.
/// </summary>
public abstract class KilledWarehouseFileImport(ITestOutputHelper output) : IAsyncLifetime
{
    protected const int LineCount = 60;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    protected TestDatabase Database { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Where each run's SIGKILL lands, in import order; the last one after the commit.</summary>
    protected abstract (string Name, Func<string, Func<string, bool>> Line)[] Moments { get; }

    /// <summary>The drop folder of the kind of file.</summary>
    protected abstract string Folder { get; }

    /// <summary>What each moment's file applies to (orders, back orders), after the catalogue is in.</summary>
    protected abstract Task ArrangeAsync();

    /// <summary>The file of moment <paramref name="moment"/>, header and rows, as the warehouse writes it.</summary>
    protected abstract string FileText(int moment);

    /// <summary>Asserts that the file of <paramref name="moment"/>, recorded as <paramref name="record"/>, is applied
    /// whole and once.</summary>
    protected abstract Task AssertAppliedWholeAsync(SmartOfficeDbContext db, WarehouseResultsFile record, int moment);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using (var db = Database.CreateDbContext())
        {
            var category = new ProductCategory { Code = "NOTES", Name = "ノート" };
            db.Products.AddRange(Enumerable.Range(1, LineCount).Select(i => new Product
            {
                Code = ProductCode(i), Name = $"キャンパスノート {i}冊", Maker = "テストメーカー", Category = category, UnitPrice = 100 + i,
                    StockOnHand = 500,
            }));
            await db.SaveChangesAsync();
        }
        await ArrangeAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    protected static string ProductCode(int i) => $"W{i:D7}";

    private IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        ["Warehouse__ResultsFolder"] = Database.Options().ResultsFolder,
        ["Warehouse__StockFolder"] = Database.Options().StockFolder,
        ["Warehouse__ArchiveFolder"] = Database.Options().ArchiveFolder,
        ["Warehouse__QuarantineFolder"] = Database.Options().QuarantineFolder,
        ["Warehouse__ScanInterval"] = "00:00:00.200",
    };

    [Fact]
    public async Task An_import_killed_mid_flight_is_applied_whole_or_not_at_all_and_once_after_a_restart()
    {
        ConsoleProcess? app = ConsoleProcess.StartServer(Database.Folder, Database.File, environment: Environment);
        var appliedAtKill = new List<bool>();
        try
        {
            await app.ListeningAsync(Patience);
            for (var i = 0; i < Moments.Length; i++)
            {
                var (moment, line) = Moments[i];
                var file = $"R{i}.csv";
                var before = await DatabaseSnapshot.TakeAsync(Database);
                var killed = app.KillOnLine(line(file));
                Drop(file, FileText(i));
                await killed.WaitAsync(Patience);
                await app.WaitAsync(Patience);
                app.Dispose();
                app = null;

                var applied = await AppliedWholeOrNotAtAllAsync(moment, file, i, before);
                appliedAtKill.Add(applied);
                output.WriteLine($"killed at '{moment}': {(applied ? "applied whole" : "nothing of it there")}");

                app = ConsoleProcess.StartServer(Database.Folder, Database.File, environment: Environment);
                await app.ListeningAsync(Patience);
                await LeftTheFolderAsync(file);
                Assert.True(await AppliedWholeOrNotAtAllAsync(moment, file, i, before),
                    $"killed at '{moment}': not applied after the restart");
            }
            // A kill inside the transaction left nothing (the console had logged a statement of it; a kill reads that line
            // from its output, so on a busy machine it may land only after the commit: then whole); the one after the
            // commit left it applied.
            Assert.Contains(false, appliedAtKill.Take(Moments.Length - 1));
            Assert.True(appliedAtKill[^1]);
        }
        finally
        {
            app?.Dispose();
        }
    }

    /// <summary>Written as the warehouse writes: a temporary name, then renamed.</summary>
    private void Drop(string file, string text)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(Path.Combine(Folder, file + ".tmp"), Bytes(text, new UTF8Encoding(true)));
        File.Move(Path.Combine(Folder, file + ".tmp"), Path.Combine(Folder, file));
    }

    /// <summary>True when the file is applied whole and once; false when nothing of it is in the database (every table
    /// as before).</summary>
    private async Task<bool> AppliedWholeOrNotAtAllAsync(string moment, string file, int index, DatabaseSnapshot before)
    {
        await using var db = Database.CreateDbContext();
        var records = await db.WarehouseResultsFiles.AsNoTracking().Where(f => f.FileName == file).ToListAsync();
        if (records.Count == 0)
        {
            // The scheduler's own tables (QRTZ_*) are the console's start-up, not the import.
            var changed = (await DatabaseSnapshot.TakeAsync(Database)).ChangedSince(before)
                .Where(t => !t.StartsWith("QRTZ_", StringComparison.Ordinal)).ToList();
            Assert.True(changed.Count == 0, $"killed at '{moment}': no file record, yet {string.Join(", ", changed)} changed");
            return false;
        }
        var record = Assert.Single(records);
        Assert.Equal(WarehouseFileOutcome.Applied, record.Outcome);
        await AssertAppliedWholeAsync(db, record, index);
        return true;
    }

    /// <summary>Polls the drop folder until the restarted console has moved the file (applied now, or only its move left).</summary>
    private async Task LeftTheFolderAsync(string file)
    {
        var path = Path.Combine(Folder, file);
        var until = DateTime.UtcNow + Patience;
        while (File.Exists(path))
        {
            Assert.True(DateTime.UtcNow < until, $"{file} is still in the drop folder after the restart");
            await Task.Delay(200);
        }
    }

    protected static Func<string, bool> Nth(string sql, int nth)
    {
        var seen = 0;
        return line => line.Contains(sql, StringComparison.Ordinal) && ++seen == nth;
    }
}
