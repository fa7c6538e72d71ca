using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>
/// DOMAIN.md's role table for account customisation, tried on every service method: account customisation — desk agent
/// read, dealer rep own customers read and write, supervisor and administrator yes; registration and change forms — desk yes,
/// rep own dealer, supervisor yes. A rep of another dealer gets nothing of this customer, whatever the id.
/// </summary>
public sealed class AccountAuthorisationTests : IAsyncLifetime
{
    private static readonly ChangeRequester ByFax = new("山田 花子", RequestChannel.Fax);
    private readonly TestDatabase _database = new();
    private Department _department = default!;
    private int _dealerId, _otherDealerId, _regionId;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
        var other = await _database.AddCustomerAsync("D2", "10000026");
        await _database.AddWebUserAsync(_department, "u1000001");
        await _database.AddLockableProductAsync();
        _dealerId = await _database.DealerIdOfAsync(_department);
        _otherDealerId = await _database.DealerIdOfAsync(other);
        await using var db = _database.CreateDbContext();
        _regionId = await db.Regions.Select(r => r.Id).FirstAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public enum Caller { RepOfAnotherDealer, OwnRep, DeskAgent, Supervisor, Administrator }

    private ICurrentStaff Staff(Caller caller) => caller switch
    {
        Caller.RepOfAnotherDealer => TestStaff.DealerRep(_otherDealerId),
        Caller.OwnRep => TestStaff.DealerRep(_dealerId),
        Caller.DeskAgent => TestStaff.DeskAgent,
        Caller.Supervisor => TestStaff.Supervisor,
        _ => TestStaff.Administrator,
    };

    /// <summary>Every service method on the customer, in an order where each one's inputs exist and are valid.</summary>
    private IEnumerable<(string Name, Func<ICurrentStaff, Task> Call)> Operations()
    {
        CustomerAccountService A(ICurrentStaff s) => new(_database, s, _database.Clock, _database.BusinessClock);
        CustomerRegistrationService R(ICurrentStaff s) => new(_database, s, _database.Clock, _database.BusinessClock);
        var id = _department.CustomerId;
        Task<CustomerAccount> Fresh() => A(TestStaff.Supervisor).GetAsync(id);

        yield return ("Get", s => A(s).GetAsync(id));
        yield return ("History", s => A(s).HistoryAsync(id));
        yield return ("UpdateSettings", async s => await A(s).UpdateSettingsAsync(new(id, (await Fresh()).Version, new(false, null, 3, "備考", null), ByFax)));
        yield return ("AddDepartment", s => A(s).SaveDepartmentAsync(new(id, null, 0, "経理部", "100-0001", "東京都", null, 100_000, BudgetKind.Hard, ByFax)));
        yield return ("EditDepartment", async s =>
        {
            var d = (await Fresh()).Departments.Single(x => x.Id == _department.Id);
            await A(s).SaveDepartmentAsync(new(id, d.Id, d.Version, d.Name, d.PostalCode, d.Address, d.Phone, 50_000, BudgetKind.Soft, ByFax));
        });
        yield return ("AddShipTo", s => A(s).SaveShipToAsync(new(id, null, 0, "大阪支店", "530-0001", "大阪府", null, ByFax)));
        yield return ("DeactivateShipTo", async s =>
        {
            var shipTo = (await Fresh()).ShipTos.FirstOrDefault(x => x.IsActive)
                         ?? throw new InvalidOperationException("setup: no active ship-to");
            await A(s).DeactivateShipToAsync(id, shipTo.Id, shipTo.Version, ByFax);
        });
        yield return ("AddWebUser", s => A(s).SaveWebUserAsync(new(id, null, 0, _department.Id, "佐藤 次郎", null, true, ByFax)));
        yield return ("EditWebUser", async s =>
        {
            var u = (await Fresh()).WebUsers[0];
            await A(s).SaveWebUserAsync(new(id, u.Id, u.Version, u.DepartmentId, u.Name + "様", u.Email, true, ByFax));
        });
        yield return ("DeactivateWebUser", async s =>
        {
            var users = (await Fresh()).WebUsers.Where(u => u.IsActive).ToList();
            await A(s).DeactivateWebUserAsync(id, users[^1].Id, users[^1].Version, ByFax);
        });
        yield return ("AddOrderLock", async s => await A(s).AddOrderLockAsync(new(id, (await Fresh()).Version, OrderLockKind.Category, "C10", ByFax)));
        yield return ("RemoveOrderLock", async s =>
        {
            var account = await Fresh();
            await A(s).RemoveOrderLockAsync(id, account.Version, account.OrderLocks[0].Id, ByFax);
        });
        yield return ("SetApproval", async s =>
        {
            var account = await Fresh();
            var d = account.Departments.Single(x => x.Id == _department.Id);
            await A(s).SetApprovalAsync(new(d.Id, d.Version, ApprovalCondition.AllOrders, null, account.WebUsers.First(u => u.IsActive && u.DepartmentId == d.Id).Id, null, ByFax));
        });
        yield return ("RegistrationChoices", s => R(s).ChoicesAsync());
        yield return ("DuplicatesByPhone", s => R(s).DuplicatesByPhoneAsync("03-1111-2222"));
        yield return ("RegisterForThisDealer", s => R(s).RegisterAsync(new("株式会社新規", "シンキ", "100-0001", "東京都", "03-9999-0000", null, _regionId, _dealerId,
            "総務部", "新井 一郎", null, true, ByFax)));
        yield return ("ChangeForm", async s =>
        {
            var account = await Fresh();
            await R(s).ChangeAsync(new(id, account.Version, account.Name, account.NameKana, account.PostalCode, "東京都港区9-9", account.Phone, account.Fax, ByFax));
        });
    }

    private static readonly string[] Reads = ["Get", "History", "RegistrationChoices", "DuplicatesByPhone"];
    private static readonly string[] Forms = ["RegisterForThisDealer", "ChangeForm"];

    /// <summary>What DOMAIN.md's table allows each caller on this customer.</summary>
    private static bool Allowed(Caller caller, string operation) => caller switch
    {
        Caller.RepOfAnotherDealer => operation is "RegistrationChoices" or "DuplicatesByPhone",
        Caller.DeskAgent => Reads.Contains(operation) || Forms.Contains(operation),
        _ => true,
    };

    [Theory]
    [InlineData(Caller.RepOfAnotherDealer)]
    [InlineData(Caller.OwnRep)]
    [InlineData(Caller.DeskAgent)]
    [InlineData(Caller.Supervisor)]
    [InlineData(Caller.Administrator)]
    public async Task Only_what_the_role_table_allows_succeeds(Caller caller)
    {
        var staff = Staff(caller);
        var outcomes = new List<string>();
        foreach (var (name, call) in Operations())
        {
            var allowed = Allowed(caller, name);
            if (!allowed && name is "DeactivateShipTo" or "RemoveOrderLock" or "DeactivateWebUser")
                await SetUpAsSupervisorAsync(name);
            try
            {
                await call(staff);
                outcomes.Add($"{name}: {(allowed ? "ok" : "SUCCEEDED BUT SHOULD BE REFUSED")}");
            }
            catch (AccessDeniedException)
            {
                outcomes.Add($"{name}: {(allowed ? "REFUSED BUT ALLOWED" : "ok")}");
            }
        }
        Assert.All(outcomes, o => Assert.EndsWith(": ok", o));
        await using var db = _database.CreateDbContext();
        var changes = await db.AuditEntries.CountAsync(a => a.StaffName == staff.Name);
        Assert.Equal(caller is Caller.RepOfAnotherDealer ? 0 : caller is Caller.DeskAgent ? 2 : 13, changes);
    }

    [Fact]
    public async Task A_rep_of_another_dealer_finds_nothing_of_this_customer()
    {
        var service = new CustomerAccountService(_database, Staff(Caller.RepOfAnotherDealer), _database.Clock, _database.BusinessClock);
        var page = await service.FindAsync(new("", 0, 100));
        Assert.DoesNotContain(page.Rows, r => r.Id == _department.CustomerId);
        Assert.Equal(["10000026"], page.Rows.Select(r => r.Code));
        var registration = new CustomerRegistrationService(_database, Staff(Caller.RepOfAnotherDealer), _database.Clock, _database.BusinessClock);
        Assert.Equal([_otherDealerId], (await registration.ChoicesAsync()).Dealers.Select(d => d.Id));
    }

    /// <summary>The refused callers still need something to refuse: the supervisor makes the record they try to remove.</summary>
    private async Task SetUpAsSupervisorAsync(string operation)
    {
        var service = new CustomerAccountService(_database, TestStaff.Supervisor, _database.Clock, _database.BusinessClock);
        var account = await service.GetAsync(_department.CustomerId);
        switch (operation)
        {
            case "DeactivateShipTo" when account.ShipTos.All(s => !s.IsActive):
                await service.SaveShipToAsync(new(account.Id, null, 0, "名古屋支店", "450-0001", "愛知県", null, ByFax));
                break;
            case "RemoveOrderLock" when account.OrderLocks.Count == 0:
                await service.AddOrderLockAsync(new(account.Id, account.Version, OrderLockKind.Product, "A1234", ByFax));
                break;
            case "DeactivateWebUser" when account.WebUsers.Count(u => u.IsActive) < 2:
                await service.SaveWebUserAsync(new(account.Id, null, 0, _department.Id, "臨時 利用者", null, false, ByFax));
                break;
        }
    }
}
