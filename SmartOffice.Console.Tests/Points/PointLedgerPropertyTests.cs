using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Points;
using Xunit.Abstractions;

namespace SmartOffice.Console.Tests.Points;

/// <summary>
/// Thousands of random ledger operations (earn, spend, transfer, reversal, expire, cancel, adjust) on a real SQLite
/// file with a seeded Random and a clock that moves on over more than two years, so lots also expire. After every
/// operation: each lot's remainder equals its entries and is never negative, every balance equals the sum of its live
/// lots and is never negative, the ledger's as-of balance of every past day is what it was that day, and no transfer
/// crossed a department.
/// </summary>
public sealed class PointLedgerPropertyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Operations = 2_000;
    private readonly TestDatabase _database = new(TestDatabase.JapanTime(2026, 1, 5, 10, 0));
    private readonly List<PointAccount> _accounts = [];
    private readonly Dictionary<int, int> _departmentOf = [];
    private readonly Dictionary<(int Account, DateOnly Day), int> _endOfDay = [];
    private readonly List<int> _spentApplications = [];
    private long _lastEntryId;
    private int _nextOrder = 1, _nextApplication = 1, _refused, _crossDepartmentRefused;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var first = await _database.AddCustomerAsync("D1", "20000001");
        var second = await _database.AddDepartmentAsync(first, "02", "営業部");
        var other = await _database.AddCustomerAsync("D2", "20000002");
        foreach (var department in new[] { first, second, other })
        {
            _accounts.Add(await _database.AddAccountAsync(department));
            for (var i = 0; i < 2; i++)
            {
                var user = await _database.AddWebUserAsync(department, $"u{department.Id}{i}{_accounts.Count:D4}");
                _accounts.Add(await _database.AddAccountAsync(department, user));
            }
        }
        foreach (var account in _accounts)
            _departmentOf[account.Id] = account.DepartmentId;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Random_operations_keep_the_ledger_balanced_never_negative_and_within_departments()
    {
        var random = new Random(20261125);
        var counts = new Dictionary<string, int>();
        for (var step = 0; step < Operations; step++)
        {
            if (random.Next(3) == 0)
                _database.Clock.Advance(TimeSpan.FromDays(random.Next(1, 4)));
            var today = _database.BusinessClock.Today;
            var operation = random.Next(100) switch
            {
                < 30 => "earn",
                < 50 => "spend",
                < 65 => "transfer",
                < 75 => "reversal",
                < 82 => "expire",
                < 92 => "cancel",
                _ => "adjust",
            };
            counts[operation] = counts.GetValueOrDefault(operation) + 1;
            await RunAsync(operation, random, today);
            await CheckInvariantsAsync(step, operation, today, random);
        }
        var done = string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));
        output.WriteLine($"{done}; refused {_refused}, across departments {_crossDepartmentRefused}; " +
                         $"ended {_database.BusinessClock.Today}");

        // The run really exercised every path: lots expired, restores happened, cross-department transfers were refused.
        await using var db = _database.CreateDbContext();
        foreach (var kind in Enum.GetValues<PointEntryKind>())
            Assert.True(await db.PointLedger.AnyAsync(e => e.Kind == kind), $"no {kind} entry was written");
        Assert.True(_crossDepartmentRefused > 0);
    }

    private async Task RunAsync(string operation, Random random, DateOnly today)
    {
        var account = _accounts[random.Next(_accounts.Count)];
        await using var db = await OpenAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var ledger = _database.Ledger(db);
        try
        {
            switch (operation)
            {
                case "earn":
                    await ledger.EarnAsync(account.Id, _nextOrder++, random.Next(0, 200), today);
                    break;
                case "spend":
                    var application = _nextApplication++;
                    await ledger.SpendAsync(account.Id, random.Next(1, 300), application, today);
                    _spentApplications.Add(application);
                    break;
                case "transfer":
                    var target = _accounts[random.Next(_accounts.Count)];
                    try
                    {
                        await ledger.TransferAsync(account.Id, target.Id, random.Next(1, 200), today);
                        Assert.Equal(_departmentOf[account.Id], _departmentOf[target.Id]);
                    }
                    catch (BusinessRuleException e) when (e.Key == "Points.TransferAcrossDepartments")
                    {
                        Assert.NotEqual(_departmentOf[account.Id], _departmentOf[target.Id]);
                        _crossDepartmentRefused++;
                        throw;
                    }
                    break;
                case "reversal":
                    var order = random.Next(1, _nextOrder);
                    var points = random.Next(0, 250);
                    var before = await PointLedger.LiveRemainders(db, account.Id, today).SumAsync();
                    var shortfall = await ledger.ReverseAsync(account.Id, points, order, returnSlipId: random.Next(1, 1000), today);
                    Assert.Equal(Math.Max(0, points - before), shortfall);
                    break;
                case "expire":
                    await PointExpiry.ExpireAsync(db, today, _database.Clock.GetUtcNow());
                    Assert.Empty(await PointExpiry.ExpireAsync(db, today, _database.Clock.GetUtcNow()));   // a second run changes nothing
                    break;
                case "cancel":
                    if (_spentApplications.Count == 0)
                        break;
                    var index = random.Next(_spentApplications.Count);
                    await ledger.RestoreAsync(_spentApplications[index], today);
                    Assert.Equal(0, await ledger.RestoreAsync(_spentApplications[index], today));   // the same lots, once
                    _spentApplications.RemoveAt(index);
                    break;
                case "adjust":
                    await ledger.AdjustAsync(account.Id, random.Next(-100, 150) is var p && p == 0 ? 1 : p, "棚卸調整", today);
                    break;
            }
            await transaction.CommitAsync();
        }
        catch (BusinessRuleException e) when (e.Key is "Points.InsufficientBalance" or "Points.TransferAcrossDepartments"
                                                  or "Points.TransferSameAccount")
        {
            _refused++;
            await transaction.RollbackAsync();
        }
    }

    /// <summary>
    /// A context on the test's SQLite file without waiting for the disk at each commit: durability is not what this
    /// test is about, and thousands of fsyncs would make it take minutes.
    /// </summary>
    private async Task<Domain.Persistence.SmartOfficeDbContext> OpenAsync()
    {
        var db = _database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF");
        return db;
    }

    private async Task CheckInvariantsAsync(int step, string operation, DateOnly today, Random random)
    {
        await using var db = await OpenAsync();
        // Lots whose remainder is negative or differs from the sum of their entries: none.
        var wrongLots = await (from l in db.PointLots
                               join e in db.PointLedger.GroupBy(e => e.PointLotId).Select(g => new { LotId = g.Key,
                                   Sum = g.Sum(e => e.Points) })
                                   on l.Id equals e.LotId
                               where l.Remaining < 0 || l.Remaining != e.Sum
                               select new { l.Id, l.Remaining, Entries = e.Sum }).ToListAsync();
        Assert.False(await db.PointLots.AnyAsync(l => !db.PointLedger.Any(e => e.PointLotId == l.Id)),
            $"step {step} ({operation}): a lot without entries");
        Assert.True(wrongLots.Count == 0, $"step {step} ({operation}): lots {string.Join(", ", wrongLots)}");

        // Every balance (live lots) equals the ledger's balance as of today, and is never negative.
        var live = await db.PointLots.Where(l => l.ValidThrough >= today).GroupBy(l => l.PointAccountId)
            .Select(g => new { g.Key, Sum = g.Sum(l => l.Remaining) }).ToDictionaryAsync(x => x.Key, x => x.Sum);
        var ledger = await (from e in db.PointLedger
                            join l in db.PointLots on e.PointLotId equals l.Id
                            where e.BusinessDate <= today && l.ValidThrough >= today
                            group e by e.PointAccountId into g
                            select new { g.Key, Sum = g.Sum(e => e.Points) }).ToDictionaryAsync(x => x.Key, x => x.Sum);
        foreach (var account in _accounts)
        {
            var balance = live.GetValueOrDefault(account.Id);
            Assert.True(balance == ledger.GetValueOrDefault(account.Id),
                $"step {step} ({operation}): account {account.Id} live lots {balance}, ledger {ledger.GetValueOrDefault(account.Id)}");
            Assert.True(balance >= 0, $"step {step} ({operation}): account {account.Id} balance {balance}");
            _endOfDay[(account.Id, today)] = balance;
        }

        // The balance of a random past day, asked now, is what it was at the end of that day.
        var past = _endOfDay.Keys.ElementAt(random.Next(_endOfDay.Count));
        if (past.Day < today)
            Assert.Equal(_endOfDay[past], await PointLedger.BalanceAsOfAsync(db, past.Account, past.Day));

        // Every transfer written by this step stayed inside one department.
        var transfers = await db.PointLedger.AsNoTracking()
            .Where(e => e.Id > _lastEntryId && (e.Kind == PointEntryKind.TransferIn || e.Kind == PointEntryKind.TransferOut))
            .Select(e => new { e.PointAccountId, e.Reason }).ToListAsync();
        foreach (var transfer in transfers)
        {
            var ids = transfer.Reason!.TrimStart('#').Split("→#").Select(int.Parse).ToArray();
            Assert.Equal(_departmentOf[ids[0]], _departmentOf[ids[1]]);
            Assert.Equal(_departmentOf[ids[0]], _departmentOf[transfer.PointAccountId]);
        }
        _lastEntryId = await db.PointLedger.MaxAsync(e => (long?)e.Id) ?? 0;
    }
}
