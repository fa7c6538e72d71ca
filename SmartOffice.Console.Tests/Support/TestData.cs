using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Console.Tests.Support;

/// <summary>Small, explicit test records: a dealer with a customer, a department and web users; orders.</summary>
public static class TestData
{
    /// <summary>What the keying services close a FAX inbox item through, for <paramref name="staff"/>.</summary>
    public static FaxInboxLink FaxInboxLink(this TestDatabase database, ICurrentStaff staff) =>
        new(staff, database.BusinessClock, database.FaxInboxChanges);

    public static async Task<Department> AddCustomerAsync(this TestDatabase database, string dealerCode, string customerCode)
    {
        await using var db = database.CreateDbContext();
        var dealer = await db.Dealers.FirstOrDefaultAsync(d => d.Code == dealerCode)
                     ?? db.Dealers.Add(new Dealer { Code = dealerCode, Name = $"販売店{dealerCode}", Phone = "03-0000-0000" }).Entity;
        var region = await db.Regions.FirstAsync(r => r.Code == "Honshu");
        var name = $"株式会社テスト{customerCode}";
        var customer = new Customer
        {
            Code = customerCode, Name = name, NameKana = "テスト", SearchKey = JapaneseInput.SearchKey(name, "テスト"), PostalCode = "100-0001",
            Address = "東京都千代田区1-1", Phone = "03-1111-2222", PhoneDigits = "0311112222", Fax = "03-1111-3333", FaxDigits = "0311113333",
            Region = region, Dealer = dealer,
        };
        var department = new Department { Customer = customer, Code = "01", Name = "総務部", PostalCode = "100-0001", Address = "東京都千代田区1-1" };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department;
    }

    /// <summary>The dealer a test customer belongs to.</summary>
    public static async Task<int> DealerIdOfAsync(this TestDatabase database, Department department)
    {
        await using var db = database.CreateDbContext();
        return await db.Customers.Where(c => c.Id == department.CustomerId).Select(c => c.DealerId).SingleAsync();
    }

    /// <summary>A product A1234 in category C10, for order locks.</summary>
    public static async Task AddLockableProductAsync(this TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        db.Products.Add(new Product
        {
            Code = "A1234", Name = "クリアファイル", Maker = "コクヨ", Category = new ProductCategory { Code = "C10", Name = "ファイル" },
                UnitPrice = 300,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The password of web users added with <c>withPassword</c>; hashed once (a hash costs ≈ 50 ms).</summary>
    public const string WebUserPassword = "correct-horse";

    private static readonly Lazy<string> WebUserPasswordHash =
        new(() => new PasswordHasher<WebUser>().HashPassword(null!, WebUserPassword));

    public static async Task<WebUser> AddWebUserAsync(this TestDatabase database, Department department, string userId,
        int failures = 0, DateTimeOffset? lockedAt = null, bool administrator = true, bool withPassword = false)
    {
        await using var db = database.CreateDbContext();
        var user = new WebUser
        {
            DepartmentId = department.Id, UserId = userId, Name = "山田 太郎", PasswordHash = withPassword ? WebUserPasswordHash.Value : "x",
            FailedPasswordCount = failures, LockedAt = lockedAt, LastFailedAt = lockedAt, IsAdministrator = administrator,
        };
        db.WebUsers.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>A console account with one role, written straight to the file (for a console started as a process).</summary>
    public static async Task AddStaffAsync(this TestDatabase database, string userName, string password, string role, string displayName)
    {
        await using var db = database.CreateDbContext();
        var user = new StaffUser
        {
            UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = displayName, EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
        };
        user.PasswordHash = new PasswordHasher<StaffUser>().HashPassword(user, password);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id,
            RoleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync() });
        await db.SaveChangesAsync();
    }

    public static async Task<Order> AddOrderAsync(this TestDatabase database, Department department, OrderChannel channel,
        DateTimeOffset receivedAt, string number)
    {
        await using var db = database.CreateDbContext();
        var order = Order.Past(number, department.CustomerId, department.Id, channel, receivedAt,
            totals: OrderTotals.GoodsOnly(3000, total: 3300, taxStandard: 300, points: 30));
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }
}
