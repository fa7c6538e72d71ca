using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Demo;

/// <summary>
/// Fills an empty database with deterministic Japanese demo data: dealers, customers, web users, a catalogue,
/// fifteen months of FAX and Web orders up to today (Japan time) priced and dated by the business rules,
/// points with prize exchanges and expiry, return slips, and the demo staff of <see cref="DemoStaff"/>.
/// The same seed on the same day gives the same data (today's orders stop at the current time).
/// </summary>
public sealed class DemoDataGenerator(
    IDbContextFactory<SmartOfficeDbContext> contexts,
    TimeProvider time,
    IOptions<RulesOptions> rules,
    ILogger<DemoDataGenerator> log)
{
    /// <summary>Generates when the database has no customers yet; returns whether it did.</summary>
    public async Task<bool> GenerateIfEmptyAsync(DemoSize size, int seed, CancellationToken cancellationToken)
    {
        if (await HasCustomersAsync(cancellationToken))
        {
            log.LogInformation("Demo data skipped: the database already has customers");
            return false;
        }
        await GenerateAsync(size, seed, cancellationToken);
        return true;
    }

    /// <summary>Generates into a database that has its regions and roles but no customers yet.</summary>
    /// <exception cref="InvalidOperationException">The database already has customers, or lacks regions or roles.</exception>
    public Task GenerateAsync(DemoSize size, int seed, CancellationToken cancellationToken) =>
        GenerateAsync(DemoProfile.For(size), seed, throughEf: false, cancellationToken);

    /// <param name="throughEf">Write through EF change tracking, as for SQL Server, even on SQLite.</param>
    internal async Task GenerateAsync(DemoProfile profile, int seed, bool throughEf, CancellationToken cancellationToken)
    {
        if (await HasCustomersAsync(cancellationToken))
            throw new InvalidOperationException("Demo data goes into an empty database only: this one already has customers.");

        var stopwatch = Stopwatch.StartNew();
        List<Region> regions;
        Dictionary<string, string> roleIds;
        IBusinessCalendar calendar;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(cancellationToken);
            roleIds = await db.Roles.AsNoTracking().Where(r => r.Name != null)
                .ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
            // The supervisors' calendar where seeded, the computed one otherwise — as the app's rules see it.
            calendar = new BusinessCalendarSnapshot(await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken),
                new StaticBusinessCalendar(rules.Value));
        }
        var clock = new BusinessClock(time, rules);
        log.LogInformation("Generating demo data for {Today:yyyy-MM-dd} (seed {Seed}): {Customers} customers, about {Orders} orders",
            clock.Today, seed, profile.Customers, profile.Orders);

        // PBKDF2 costs ~50 ms a hash: one per password, shared by every demo account.
        var webUserHash = new PasswordHasher<WebUser>().HashPassword(null!, DemoStaff.WebUserPassword);
        var staffHash = new PasswordHasher<StaffUser>().HashPassword(null!, DemoStaff.Password);

        await using var writer = await BulkWriter.OpenAsync(contexts, throughEf, cancellationToken);
        var context = new DemoContext(profile, seed, rules.Value, calendar, clock, writer);
        var accounts = await new AccountsPhase(context, regions, webUserHash).RunAsync(cancellationToken);
        var catalog = await new CatalogPhase(context).RunAsync(cancellationToken);
        var staff = await new StaffPhase(context, accounts.Dealers, roleIds, staffHash).RunAsync(cancellationToken);
        var history = await new OrdersPhase(context, accounts, catalog, staff).RunAsync(cancellationToken);
        var returns = new ReturnsPhase(context, history, staff).Run();
        // Points first: a credited slip's shortfall is known only once its reversal has been played.
        await new PointsPhase(context, accounts, catalog, history, staff).RunAsync(returns.Reversals, cancellationToken);
        await writer.InsertAsync(returns.Slips, cancellationToken);
        await writer.InsertAsync(returns.Slips.SelectMany(s => s.Lines).ToList(), cancellationToken);
        await writer.CommitAsync(cancellationToken);
        // The morning's FAXes are drawn from the records just written (real customers, products, orders, prizes).
        await new FaxInboxPhase(contexts, clock, context.RandomFor(DemoPhase.FaxInbox)).RunAsync(cancellationToken);
        await new AuditPhase(contexts, clock).RunAsync(cancellationToken);

        log.LogInformation(
            "Demo data generated in {Elapsed:0.0} s: {Customers} customers, {WebUsers} web users, {Products} products, " +
            "{Orders} orders, {Lines} order lines, {Lots} point lots",
            stopwatch.Elapsed.TotalSeconds, writer.Counts.GetValueOrDefault(typeof(Customer)),
                writer.Counts.GetValueOrDefault(typeof(WebUser)),
            writer.Counts.GetValueOrDefault(typeof(Product)), writer.Counts.GetValueOrDefault(typeof(Order)),
            writer.Counts.GetValueOrDefault(typeof(OrderLine)), writer.Counts.GetValueOrDefault(typeof(PointLot)));
    }

    private async Task<bool> HasCustomersAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Customers.AnyAsync(cancellationToken);
    }
}
