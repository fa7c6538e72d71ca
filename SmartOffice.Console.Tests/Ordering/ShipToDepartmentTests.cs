using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Console.Tests.Jobs;
using SmartOffice.Console.Tests.Points;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// 発注は本社、届け先は支店 (docs/business-rules.md §3): an order ships to its own department, another active department of
/// the same
/// customer, or a registered ship-to — and the additional-order rule groups by the address chosen.
/// </summary>
public sealed class ShipToDepartmentTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = TestDatabase.JapanTime(2026, 11, 25, 10, 0);
    private readonly TestDatabase _database = new(Morning);
    private Department _head = default!;
    private Department _osaka = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _head = await _database.AddCustomerAsync("D1", "10000013");
        _osaka = await _database.AddDepartmentAsync(_head, "02", "大阪支店");
        await _database.UpdateAsync<Department>(_osaka.Id, d => (d.PostalCode, d.Address) = ("530-0001",
            "大阪府大阪市北区梅田1-1"));
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private FaxOrderDraft Draft(Department orderedBy, int? shipToDepartment, string pens, int minute = 0) =>
        new(orderedBy.CustomerId, orderedBy.Id, null, Morning.AddMinutes(minute), null, [Line(Pen, pens)],
            ShipToDepartmentId: shipToDepartment);

    private async Task<FaxOrderSaveResult> SaveAsync(FaxOrderDraft draft) =>
        await _database.FaxOrders().SaveAsync(new FaxOrderSaveRequest(draft, Guid.NewGuid(), DuplicateConfirmed: true));

    [Fact]
    public async Task The_head_office_orders_for_its_branch_and_the_order_ships_to_the_branchs_address()
    {
        var saved = await SaveAsync(Draft(_head, _osaka.Id, "3"));

        var detail = await _database.FaxOrders().GetOrderAsync(saved.OrderId!.Value);
        Assert.Equal(("総務部", "大阪支店", "大阪府大阪市北区梅田1-1"), (detail.DepartmentName, detail.ShipToName,
            detail.ShipToAddress));
        Assert.Equal((_head.Id, (int?)null, (int?)_osaka.Id), (detail.DepartmentId, detail.ShipToId, detail.ShipToDepartmentId));
    }

    [Fact]
    public async Task The_shipping_instruction_sends_it_to_the_branch()
    {
        var saved = await SaveAsync(Draft(_head, _osaka.Id, "3"));
        var outbox = Path.Combine(_database.Folder, "outbox");
        _database.Clock.SetUtcNow(TestDatabase.JapanTime(2026, 11, 25, 17, 31));

        await _database.CutoffService(JobsTestData.Options(outbox)).RunAsync("cutoff-fax-Honshu", JobRunTrigger.Manual);

        var row = File.ReadAllLines(Path.Combine(outbox, "20261125_cutoff-fax-Honshu.csv")).Single(l => l.Contains(saved.OrderNumber!));
        Assert.Contains("\"総務部\",\"大阪支店\",\"530-0001\",\"大阪府大阪市北区梅田1-1\"", row);
    }

    [Fact]
    public async Task A_department_of_another_customer_an_inactive_one_or_two_addresses_at_once_are_refused()
    {
        var other = await _database.AddCustomerAsync("D1", "10000026");
        var closed = await _database.AddDepartmentAsync(_head, "09", "旧名古屋支店");
        await _database.UpdateAsync<Department>(closed.Id, d => d.IsActive = false);
        var shipTo = await _database.AddShipToAsync(_head.CustomerId, "第二倉庫");

        foreach (var (draft, key) in new[]
                 {
                     (Draft(_head, other.Id, "3"), "Ordering.ShipToDepartmentNotOfCustomer"),
                     (Draft(_head, closed.Id, "3"), "Ordering.ShipToDepartmentNotOfCustomer"),
                     (Draft(_head, _osaka.Id, "3") with { ShipToId = shipTo.Id }, "Ordering.ShipToTwoAddresses"),
                 })
        {
            var quote = await _database.FaxOrders().QuoteAsync(draft);
            Assert.Contains(DomainText.Format(key), quote.Problems);
            var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => SaveAsync(draft));
            Assert.Equal(key, refused.Key);
        }
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task Choosing_the_ordering_department_itself_is_its_own_address()
    {
        var saved = await SaveAsync(Draft(_osaka, _osaka.Id, "3"));

        await using var db = _database.CreateDbContext();
        Assert.Null((await db.Orders.SingleAsync(o => o.Id == saved.OrderId)).ShipToDepartmentId);
    }

    [Fact]
    public async Task The_additional_order_rule_groups_orders_by_the_address_they_ship_to()
    {
        // The branch orders ¥3,000 for itself; the head office then orders ¥1,000 for the branch, and ¥1,000 for itself.
        await SaveAsync(Draft(_osaka, null, "3"));

        var forTheBranch = await _database.FaxOrders().QuoteAsync(Draft(_head, _osaka.Id, "1", minute: 5));
        var forItself = await _database.FaxOrders().QuoteAsync(Draft(_head, null, "1", minute: 5));

        Assert.Equal((0, ShippingFeeReason.FreeAdditionalOrder), (forTheBranch.ShippingFee, forTheBranch.ShippingFeeReason));
        Assert.Equal((300, ShippingFeeReason.Charged), (forItself.ShippingFee, forItself.ShippingFeeReason));
    }

    [Fact]
    public void The_entry_form_offers_the_other_active_departments_and_the_registered_ship_tos()
    {
        var customer = new OrderingCustomer(new OrderingCustomerMatch(7, "10000013", "株式会社テスト", "テスト", null,
            "03-1111-2222", "本州", "販売店"),
            0m, false, new TimeOnly(17, 0),
            [new OrderingDepartment(11, "01", "総務部", "東京都千代田区1-1", null, BudgetKind.Hard),
             new OrderingDepartment(12, "02", "大阪支店", "大阪府大阪市北区梅田1-1", null, BudgetKind.Hard)],
            [new OrderingShipTo(3, "第二倉庫", "埼玉県川口市1-1")], null);
        var form = new OrderEntryForm { Customer = customer, DepartmentId = 11 };

        Assert.Equal([("d12", "02 大阪支店", "大阪府大阪市北区梅田1-1")], form.ShipToDepartments.Select(o => (o.Value,
            o.Label, o.Address)));
        Assert.Equal([("s3", "第二倉庫", "埼玉県川口市1-1")], form.ShipToRegistered.Select(o => (o.Value, o.Label, o.Address)));

        form.ShipTo = "d12";
        Assert.Equal(((int?)null, (int?)12), (form.ShipToId, form.ShipToDepartmentId));
        Assert.Equal("大阪府大阪市北区梅田1-1", form.ShipToAddress);
        form.ShipTo = "s3";
        Assert.Equal(((int?)3, (int?)null), (form.ShipToId, form.ShipToDepartmentId));

        // The branch orders for itself: the head office becomes the other department, the branch's own address the default.
        form.ShipTo = "d12";
        form.DepartmentId = 12;
        Assert.Equal("", form.ShipTo);
        Assert.Equal("東京都千代田区1-1", form.ShipToDepartments.Single().Address);
    }
}
