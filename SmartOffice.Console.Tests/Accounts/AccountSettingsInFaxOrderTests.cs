using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Ordering;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>
/// Settings take effect at once in FAX order entry (issue #9): what a dealer rep keys through <see cref="CustomerAccountService"/>
/// refuses, or asks the desk agent to confirm, the very next FAX order of that customer.
/// </summary>
public sealed class AccountSettingsInFaxOrderTests : IAsyncLifetime
{
    private static readonly ChangeRequester ByPhone = new("山田 花子", RequestChannel.Phone);
    private readonly TestDatabase _database = new();
    private Department _department = default!;
    private CustomerAccountService _rep = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
        _rep = new CustomerAccountService(_database, TestStaff.DealerRep(await _database.DealerIdOfAsync(_department)), _database.Clock,
            _database.BusinessClock);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<FaxOrderSaveResult> DeskSavesAsync(string productCode, int quantity) =>
        _database.FaxOrders(TestStaff.DeskAgent).SaveAsync(new FaxOrderSaveRequest(
            new FaxOrderDraft(_department.CustomerId, _department.Id, null, _database.Clock.GetUtcNow(), null,
                [new FaxOrderDraftLine(productCode, quantity.ToString(), null)]),
            Guid.NewGuid()));

    private async Task LockAsync(OrderLockKind kind, string code)
    {
        var account = await _rep.GetAsync(_department.CustomerId);
        await _rep.AddOrderLockAsync(new OrderLockAdd(account.Id, account.Version, kind, code, ByPhone));
    }

    private async Task SetBudgetAsync(int budget, BudgetKind kind)
    {
        var d = (await _rep.GetAsync(_department.CustomerId)).Departments.Single();
        await _rep.SaveDepartmentAsync(new DepartmentEdit(_department.CustomerId, d.Id, d.Version, d.Name, d.PostalCode, d.Address, d.Phone,
            budget, kind, ByPhone));
    }

    [Fact]
    public async Task A_product_the_rep_locked_is_refused_in_the_desks_next_FAX_order_with_the_reason()
    {
        await LockAsync(OrderLockKind.Product, OrderingTestData.Pen);

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => DeskSavesAsync(OrderingTestData.Pen, 1));
        Assert.Equal("Ordering.ProductLocked", error.Key);
        Assert.Contains("注文ロック", error.Message);
        // Other products of the customer are still ordered.
        Assert.NotNull((await DeskSavesAsync(OrderingTestData.Scarce, 1)).OrderId);
    }

    [Fact]
    public async Task A_category_the_rep_locked_is_refused_too()
    {
        await LockAsync(OrderLockKind.Category, OrderingTestData.LockableCategory);

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => DeskSavesAsync(OrderingTestData.Toner, 1));
        Assert.Equal("Ordering.CategoryLocked", error.Key);
    }

    [Fact]
    public async Task A_hard_budget_the_rep_set_refuses_the_order_that_would_pass_it()
    {
        await SetBudgetAsync(5_000, BudgetKind.Hard);

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => DeskSavesAsync(OrderingTestData.Pen, 6));
        Assert.Equal("Ordering.BudgetHard", error.Key);
        Assert.Contains("予算", error.Message);
        // Exactly the budget is still within it.
        Assert.NotNull((await DeskSavesAsync(OrderingTestData.Pen, 5)).OrderId);
    }

    [Fact]
    public async Task A_soft_budget_asks_the_desk_to_confirm_instead()
    {
        await SetBudgetAsync(5_000, BudgetKind.Soft);

        var result = await DeskSavesAsync(OrderingTestData.Pen, 6);
        Assert.Null(result.OrderId);
        Assert.Contains(SaveConfirmation.SoftBudgetOverrun, result.ConfirmationsNeeded);
    }
}
