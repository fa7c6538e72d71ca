using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Support;

/// <summary>
/// A real SQLite file in a temp folder, migrated like the app does it, with a fake clock in Japan time.
/// Dispose deletes it.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<SmartOfficeDbContext>, IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "smartoffice-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase(DateTimeOffset? now = null)
    {
        Directory.CreateDirectory(_folder);
        File = Path.Combine(_folder, "test.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = File, Pooling = false }.ToString();
        Clock = new FakeTimeProvider(now ?? JapanTime(2026, 11, 25, 10, 0));
        Clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Rules = Options.Create(new RulesOptions());
        BusinessClock = new BusinessClock(Clock, Rules);
        Calendar = new BusinessCalendarCache(this, Rules, Clock);
    }

    public string ConnectionString { get; }
    /// <summary>The SQLite file.</summary>
    public string File { get; }
    public string Folder => _folder;
    private static readonly SqlitePragmas Pragmas = new(new DatabaseOptions().SqliteCacheMiB);
    public FakeTimeProvider Clock { get; }
    public IOptions<RulesOptions> Rules { get; }
    public BusinessClock BusinessClock { get; }
    public BusinessCalendarCache Calendar { get; }
    /// <summary>The database's one inbox notifier, as the app has one per process.</summary>
    public Domain.FaxInbox.FaxInboxChanges FaxInboxChanges { get; } = new();

    /// <summary>A UTC instant for a Japan wall-clock time.</summary>
    public static DateTimeOffset JapanTime(int year, int month, int day, int hour, int minute, int second = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(9)).ToUniversalTime();

    /// <summary>Interceptors a test adds to every context made from now on (to see or pause the SQL sent).</summary>
    public List<IInterceptor> Interceptors { get; } = [];

    public SmartOfficeDbContext CreateDbContext() =>
        new SqliteSmartOfficeDbContext(new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>().UseSqlite(ConnectionString)
            .AddInterceptors(Pragmas).AddInterceptors(Interceptors).ConfigureWarnings(w => w.Throw(QueryWarnings)).Options);

    /// <summary>
    /// EF's query warnings that are defects in a query, thrown in every test rather than logged: two collections read in one
    /// statement (rows multiplied; split it), and Skip/Take without OrderBy (any rows come back).
    /// </summary>
    public static readonly EventId[] QueryWarnings =
        [RelationalEventId.MultipleCollectionIncludeWarning, CoreEventId.RowLimitingOperationWithoutOrderByWarning];

    /// <summary>
    /// A new database with this one's rows and clock (the file copied while no connection is open), for a test that must
    /// start from the same state as another and not see its writes.
    /// </summary>
    public TestDatabase Copy()
    {
        var copy = new TestDatabase(Clock.GetUtcNow());
        foreach (var suffix in new[] { "", "-wal" })
        {
            if (System.IO.File.Exists(File + suffix))
                System.IO.File.Copy(File + suffix, copy.File + suffix);
        }
        return copy;
    }

    /// <summary>Migrates and seeds roles, regions and the calendar as the app does on start (no demo data).</summary>
    public async Task<TestDatabase> InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDbContextFactory<SmartOfficeDbContext>>(this);
        var initializer = new DatabaseInitializer(this,
            Options.Create(new Domain.Demo.DemoOptions { Enabled = false }),
            Options.Create(ReferenceRegions()),
            Rules, BusinessClock, Calendar,
            new Domain.Demo.DemoDataGenerator(this, Clock, Rules, NullLogger<Domain.Demo.DemoDataGenerator>.Instance),
            NullLogger<DatabaseInitializer>.Instance);
        await initializer.InitializeAsync();
        return this;
    }

    /// <summary>The regions of the repository's appsettings.json.</summary>
    public static ReferenceDataOptions ReferenceRegions() => new()
    {
        Regions =
        [
            new() { Code = "Honshu", Name = "本州", FaxCutoff = new(17, 0), WebCutoff = new(17, 30), ExtraLeadDays = 0 },
            new() { Code = "Hokkaido", Name = "北海道", FaxCutoff = new(16, 0), WebCutoff = new(16, 30), ExtraLeadDays = 1 },
            new() { Code = "Okinawa", Name = "沖縄", FaxCutoff = new(15, 0), WebCutoff = new(15, 30), ExtraLeadDays = 2 },
        ],
    };

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on this machine is left to the temp folder's cleanup.
        }
        return ValueTask.CompletedTask;
    }
}
