using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>FAX order entry on a real SQLite file: pricing, every refusal, saving once, correcting and voiding.</summary>
public sealed partial class FaxOrderServiceTests : IAsyncLifetime
{
    /// <summary>Wednesday 25 Nov 2026, 10:00 Japan time: an acceptance day; the next delivery day is Thursday the 26th.</summary>
    private static readonly DateTimeOffset Morning = TestDatabase.JapanTime(2026, 11, 25, 10, 0);
    private static readonly DateOnly Wednesday = new(2026, 11, 25);
    private readonly TestDatabase _database = new(Morning);
    private Department _department = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private FaxOrderService Service => _database.FaxOrders();

    private FaxOrderDraft Draft(params FaxOrderDraftLine[] lines) =>
        new(_department.CustomerId, _department.Id, null, Morning, null, lines);

    private static FaxOrderSaveRequest Save(FaxOrderDraft draft, Guid? key = null) => new(draft, key ?? Guid.NewGuid());

    private async Task<int> OrderCountAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Orders.CountAsync();
    }

    private async Task<Order> LoadAsync(int orderId)
    {
        await using var db = _database.CreateDbContext();
        return await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Lines).Include(o => o.Shipments).SingleAsync(o =>
            o.Id == orderId);
    }

    // ---- finding the customer ----

    [Theory]
    [InlineData("10000013")]
    [InlineData("０３－１１１１－３３３３")]      // the FAX number, full-width
    [InlineData("03 1111 2222")]                 // the phone number
    [InlineData("てすと")]                        // the reading, in hiragana
    [InlineData("（株）テスト10000013")]
    public async Task A_customer_is_found_by_code_FAX_phone_or_name(string text)
    {
        await _database.AddCustomerAsync("D1", "20000000");

        var found = await Service.FindCustomersAsync(text);

        Assert.Equal("10000013", found[0].Code);
    }

    [Fact]
    public async Task The_chosen_customer_lists_only_active_departments_and_ship_tos_with_its_FAX_cutoff()
    {
        await _database.AddShipToAsync(_department.CustomerId, "大阪支店");
        await _database.AddShipToAsync(_department.CustomerId, "旧支店", active: false);
        await using (var db = _database.CreateDbContext())
        {
            db.Departments.Add(new Department { CustomerId = _department.CustomerId, Code = "09", Name = "廃止部署", PostalCode = "1",
                Address = "x", IsActive = false });
            await db.SaveChangesAsync();
        }

        var customer = await Service.GetCustomerAsync(_department.CustomerId);

        Assert.Equal(["総務部"], customer.Departments.Select(d => d.Name));
        Assert.Equal(["大阪支店"], customer.ShipTos.Select(s => s.Name));
        Assert.Equal(new TimeOnly(17, 0), customer.FaxCutoff);
    }
}
