using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Accounts;

/// <summary>承認発注 as the storefront asks it: each condition at its boundary (X−1, X, X+1), approver 1 then approver 2.</summary>
public sealed class ApprovalEvaluatorTests : IAsyncLifetime
{
    private const int X = 30_000;
    private readonly TestDatabase _database = new();
    private Department _department = default!;
    private WebUser _first = default!;
    private WebUser _second = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
        _first = await _database.AddWebUserAsync(_department, "u1000001");
        _second = await _database.AddWebUserAsync(_department, "u1000002", administrator: false);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task SetRuleAsync(ApprovalCondition condition, int? threshold, int? approver2 = null)
    {
        await using (var db = _database.CreateDbContext())
        {
            var department = await db.Departments.FindAsync(_department.Id);
            department!.MonthlyBudget = 100_000;
            await db.SaveChangesAsync();
        }
        var version = (await new CustomerAccountService(_database, TestStaff.Supervisor, _database.Clock, _database.BusinessClock)
            .GetAsync(_department.CustomerId)).Departments.Single().Version;
        await new CustomerAccountService(_database, TestStaff.Supervisor, _database.Clock, _database.BusinessClock).SetApprovalAsync(
            new(_department.Id, version, condition, threshold, _first.Id, approver2, new("山田 太郎", RequestChannel.Phone)));
    }

    private Task<ApprovalDecision> EvaluateAsync(int slipTotal = 1_000, int maxUnitPrice = 100, bool overBudget = false) =>
        new ApprovalEvaluator(_database).EvaluateAsync(new ApprovalOrder(_department.Id, slipTotal, maxUnitPrice, overBudget));

    [Theory]
    [InlineData(X - 1, false)]
    [InlineData(X, true)]
    [InlineData(X + 1, true)]
    public async Task Slip_total_at_least_X(int slipTotal, bool needs)
    {
        await SetRuleAsync(ApprovalCondition.SlipTotalAtLeast, X);
        Assert.Equal(needs, (await EvaluateAsync(slipTotal: slipTotal)).NeedsApproval);
    }

    [Theory]
    [InlineData(X - 1, false)]
    [InlineData(X, true)]
    [InlineData(X + 1, true)]
    public async Task Any_unit_price_at_least_X(int maxUnitPrice, bool needs)
    {
        await SetRuleAsync(ApprovalCondition.AnyUnitPriceAtLeast, X);
        // The slip total plays no part in this rule, however high.
        Assert.Equal(needs, (await EvaluateAsync(slipTotal: 10 * X, maxUnitPrice: maxUnitPrice)).NeedsApproval);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Over_budget(bool overBudget, bool needs)
    {
        await SetRuleAsync(ApprovalCondition.OverBudget, null);
        Assert.Equal(needs, (await EvaluateAsync(slipTotal: 10 * X, maxUnitPrice: X, overBudget: overBudget)).NeedsApproval);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(X + 1)]
    public async Task All_orders_need_approval_whatever_the_amount(int slipTotal)
    {
        await SetRuleAsync(ApprovalCondition.AllOrders, null);
        Assert.True((await EvaluateAsync(slipTotal: slipTotal, maxUnitPrice: 0)).NeedsApproval);
    }

    [Fact]
    public async Task No_rule_and_rule_none_need_no_approval()
    {
        Assert.False((await EvaluateAsync(slipTotal: 10 * X, overBudget: true)).NeedsApproval);
        await SetRuleAsync(ApprovalCondition.None, null);
        Assert.False((await EvaluateAsync(slipTotal: 10 * X, overBudget: true)).NeedsApproval);
    }

    [Fact]
    public async Task Approver_1_comes_before_approver_2()
    {
        await SetRuleAsync(ApprovalCondition.AllOrders, null, approver2: _second.Id);
        var decision = await EvaluateAsync();
        Assert.Equal(["u1000001", "u1000002"], decision.Approvers.Select(a => a.UserId));
        Assert.Equal(ApprovalCondition.AllOrders, decision.Condition);
    }

    [Fact]
    public async Task The_storefront_needs_no_staff_caller_but_staff_cannot_set_a_rule_without_the_right()
    {
        var error = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            new CustomerAccountService(_database, TestStaff.DeskAgent, _database.Clock, _database.BusinessClock).SetApprovalAsync(
                new(_department.Id, 0, ApprovalCondition.AllOrders, null, _first.Id, null, new("山田", RequestChannel.Fax))));
        Assert.Equal(Capability.AccountEdit, error.Capability);
        Assert.False((await EvaluateAsync()).NeedsApproval);
    }

    [Fact]
    public void The_rule_itself_is_inclusive_at_X()
    {
        var order = new ApprovalOrder(1, X, X, false);
        Assert.True(ApprovalEvaluator.Needs(ApprovalCondition.SlipTotalAtLeast, X, order));
        Assert.True(ApprovalEvaluator.Needs(ApprovalCondition.AnyUnitPriceAtLeast, X, order));
        Assert.False(ApprovalEvaluator.Needs(ApprovalCondition.SlipTotalAtLeast, X + 1, order));
    }

    [Fact]
    public async Task An_order_that_needs_approval_from_nobody_active_is_refused_with_the_reason()
    {
        await SetRuleAsync(ApprovalCondition.AllOrders, null);
        await using (var db = _database.CreateDbContext())
        {
            (await db.WebUsers.FindAsync(_first.Id))!.IsActive = false;
            await db.SaveChangesAsync();
        }
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => EvaluateAsync());
        Assert.Equal("Accounts.NoActiveApprover", error.Key);
    }
}
