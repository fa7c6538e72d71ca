using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Persistence;

/// <summary>
/// Brings the database to the current model on start: creates the SQLite folder, applies the
/// provider's migrations, seeds roles and regions, and fills demo data into an empty database when enabled.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    IOptions<DemoOptions> demo,
    IOptions<ReferenceDataOptions> referenceData,
    IOptions<RulesOptions> rules,
    BusinessClock clock,
    BusinessCalendarCache calendar,
    DemoDataGenerator generator,
    ILogger<DatabaseInitializer> log)
{
    private const int CalendarYearsAround = 2;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the schema and reference data are in place; background work (the job scheduler) waits for it.</summary>
    public Task Ready => _ready.Task;

    /// <summary>
    /// For a background service: waits until the database is ready; false when the app stops first or the database did not
    /// initialise (then logged once, naming <paramref name="worker"/>), and the service should not start.
    /// </summary>
    public async Task<bool> WaitUntilReadyAsync(ILogger log, string worker, CancellationToken stoppingToken)
    {
        try
        {
            await Ready.WaitAsync(stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception e)
        {
            log.LogError(e, "{Worker} does not start: the database did not initialise", worker);
            return false;
        }
    }

    /// <param name="withDemoData">False for command-line tasks that fill the database themselves.</param>
    public async Task InitializeAsync(bool withDemoData = true, CancellationToken cancellationToken = default)
    {
        try
        {
            await InitializeOnceAsync(withDemoData, cancellationToken);
            _ready.TrySetResult();
        }
        catch (Exception e)
        {
            _ready.TrySetException(e);
            throw;
        }
    }

    private async Task InitializeOnceAsync(bool withDemoData, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await MigrateAsync(db, cancellationToken);
            await SeedRolesAsync(db, cancellationToken);
            await SeedRegionsAsync(db, cancellationToken);
            // Orders look back 15 months and ahead to requested dates: keep two years either side seeded.
            var year = clock.Today.Year;
            await BusinessCalendarSeeder.SeedYearsAsync(db, Enumerable.Range(year - CalendarYearsAround, 2 * CalendarYearsAround + 1),
                rules.Value, DomainText.ForData("Calendar.DefaultClosureName"), cancellationToken);
            calendar.Invalidate();
            if (!demo.Value.Enabled)
                await DisableDemoAccountsAsync(db, cancellationToken);
        }

        if (withDemoData && demo.Value.Enabled)
            await generator.GenerateIfEmptyAsync(demo.Value.Size, demo.Value.Seed, cancellationToken);
    }

    private async Task MigrateAsync(SmartOfficeDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            if (db.Database.IsSqlite())
            {
                var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
                var folder = Path.GetDirectoryName(Path.GetFullPath(file));
                if (!string.IsNullOrEmpty(folder))
                    Directory.CreateDirectory(folder);
            }
            // Before anything is written: a database of the squashed migrations would take Initial over its tables.
            var unknown = await MigrationHistory.UnknownAsync(db, cancellationToken);
            if (unknown.Count > 0)
                throw new StartupConfigurationException(MigrationHistory.Refusal(db, unknown));
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not StartupConfigurationException)
        {
            throw new StartupConfigurationException(
                $"the database cannot be opened or migrated ({db.Database.ProviderName}): {e.GetBaseException().Message}", e);
        }
        log.LogInformation("Database ready ({Provider})", db.Database.ProviderName);
    }

    /// <summary>
    /// The demo's accounts have a published password: whenever the demo is off they are disabled (and their sessions end),
    /// whoever enabled them and whatever their user names. See docs/staff-and-production.md.
    /// </summary>
    private async Task DisableDemoAccountsAsync(SmartOfficeDbContext db, CancellationToken cancellationToken)
    {
        var active = await db.Users.Where(u => u.IsDemo && u.IsActive).ToListAsync(cancellationToken);
        if (active.Count == 0)
            return;
        var now = clock.Now.ToUniversalTime();
        foreach (var user in active)
        {
            user.Disable();
            await db.EndOpenSessionsAsync(user.Id, StaffSessionEnd.Disabled, now, cancellationToken);
            db.AuditEntries.Add(AuditTrail.BySystem(StartUp, now, "Staff.DemoDisabled", nameof(StaffUser), user.Id,
                new { IsActive = true }, new { IsActive = false }));
        }
        await db.SaveChangesAsync(cancellationToken);
        log.LogWarning("Demo:Enabled is false: {Count} demo accounts disabled ({UserNames})", active.Count,
            string.Join(", ", active.Select(u => u.UserName)));
    }

    /// <summary>Who the audit trail names for what start-up changes by itself.</summary>
    private const string StartUp = "start-up";

    private static async Task SeedRolesAsync(SmartOfficeDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in StaffRoles.All.Except(existing))
            db.Roles.Add(new IdentityRole(role!) { NormalizedName = role!.ToUpperInvariant() });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedRegionsAsync(SmartOfficeDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Regions.AnyAsync(cancellationToken))
            return;
        var order = 0;
        foreach (var r in referenceData.Value.Regions)
            db.Regions.Add(new Region
            {
                Code = r.Code, Name = r.Name, FaxCutoff = r.FaxCutoff, WebCutoff = r.WebCutoff,
                ExtraLeadDays = r.ExtraLeadDays, SortOrder = ++order,
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
