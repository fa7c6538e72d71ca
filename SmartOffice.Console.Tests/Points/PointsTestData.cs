using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Points;

/// <summary>Point accounts, lots and prizes for the points and prizes tests, written through the real ledger.</summary>
public static class PointsTestData
{
    public static async Task<Department> AddDepartmentAsync(this TestDatabase database, Department sibling, string code, string name)
    {
        await using var db = database.CreateDbContext();
        var department = new Department { CustomerId = sibling.CustomerId, Code = code, Name = name, PostalCode = "100-0001",
            Address = "東京都千代田区1-1" };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department;
    }

    public static async Task<PointAccount> AddAccountAsync(this TestDatabase database, Department department, WebUser? user = null)
    {
        await using var db = database.CreateDbContext();
        var account = new PointAccount
        {
            DepartmentId = department.Id, Kind = user is null ? PointAccountKind.Department : PointAccountKind.WebUser,
                WebUserId = user?.Id,
        };
        db.PointAccounts.Add(account);
        await db.SaveChangesAsync();
        return account;
    }

    public static PointLedger Ledger(this TestDatabase database, Domain.Persistence.SmartOfficeDbContext db) =>
        new(db, new PointRules(database.Rules.Value), database.Clock, "test");

    /// <summary>Earns points as an order accepted on <paramref name="acceptanceDay"/> would.</summary>
    public static async Task<PointLot> EarnAsync(this TestDatabase database, PointAccount account, int points, DateOnly acceptanceDay,
        int orderId)
    {
        await using var db = database.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var lot = await database.Ledger(db).EarnAsync(account.Id, orderId, points, acceptanceDay);
        await transaction.CommitAsync();
        return lot!;
    }

    public static async Task<Prize> AddPrizeAsync(this TestDatabase database, string code, int cost, int stock, DateOnly from,
        DateOnly? to = null)
    {
        await using var db = database.CreateDbContext();
        var prize = new Prize { Code = code, Name = $"賞品{code}", PointCost = cost, Stock = stock, ActiveFrom = from, ActiveTo = to };
        db.Prizes.Add(prize);
        await db.SaveChangesAsync();
        return prize;
    }

    public static async Task<int> BalanceAsync(this TestDatabase database, int accountId)
    {
        await using var db = database.CreateDbContext();
        return await PointLedger.LiveRemainders(db, accountId, database.BusinessClock.Today).SumAsync();
    }

    public static PointAccountService Accounts(this TestDatabase database, ICurrentStaff staff) =>
        new(database, staff, database.Clock, database.BusinessClock, database.Rules);

    public static PrizeApplicationService Applications(this TestDatabase database, ICurrentStaff staff) =>
        new(database, staff, database.Clock, database.BusinessClock, database.Accounts(staff), database.FaxInboxLink(staff));

    public static PrizeCatalogService Catalog(this TestDatabase database, ICurrentStaff staff) =>
        new(database, staff, database.Clock, database.BusinessClock);

    public static BalanceRequestService Requests(this TestDatabase database, ICurrentStaff staff) =>
        new(database, staff, database.Clock, database.BusinessClock, database.Accounts(staff),
            Options.Create(new SmartOffice.Domain.DeskContactOptions()),
            database.FaxInboxLink(staff));
}
