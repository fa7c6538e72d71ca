using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Staff;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Persistence;

/// <summary>
/// Two members of staff saving the same record from the same screen (the same version), one after the other and both at
/// once on one SQLite file: the first save stands, the second is refused with the record's "changed, reload" message —
/// never a silent overwrite. Order, return slip, customer account, prize application, and a claimed FAX released while
/// it is keyed (agents claiming one FAX at once: FaxInbox/FaxInboxServiceTests).
/// </summary>
public sealed class ConcurrentEditTests(MatrixDatabase data) : IClassFixture<MatrixDatabase>
{
    private static readonly TestStaff Tanaka = new("desk-a", "田中 美咲", null, StaffRoles.DeskAgent);
    private static readonly TestStaff Sato = new("desk-b", "佐藤 健太", null, StaffRoles.DeskAgent);
    private static readonly TestStaff Ito = new("super-a", "伊藤 真理", null, StaffRoles.Supervisor);
    private static readonly TestStaff Watanabe = new("admin-a", "渡辺 浩", null, StaffRoles.Administrator);

    [Fact]
    public async Task An_order_corrected_by_one_agent_cannot_be_voided_from_the_other_agents_stale_screen()
    {
        await using var db = data.Template.Copy();
        var ids = data.Ids;
        var seen = ids.OpenOrderVersion;
        var correction = data.OrderDraft(ids.CustomerId, ids.DepartmentId) with {
            Lines = [Ordering.OrderingTestData.Line(Ordering.OrderingTestData.Pen, "7")] };

        await Service<FaxOrderService>(db, Tanaka).CorrectAsync(new(ids.OpenOrderId, seen, correction, "数量訂正"));
        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Service<FaxOrderService>(db, Sato).VoidAsync(new(ids.OpenOrderId, seen, "二重入力")));

        Assert.Equal("Ordering.OrderChanged", refused.Key);
        await using var read = db.CreateDbContext();
        var order = await read.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == ids.OpenOrderId);
        Assert.Equal((OrderStatus.Accepted, 7), (order.Status, order.Lines.Single().Quantity));
    }

    [Fact]
    public async Task Two_agents_correcting_one_order_at_once_one_wins_and_the_other_is_told_to_reload()
    {
        await using var db = data.Template.Copy();
        var ids = data.Ids;
        FaxOrderCorrection Correct(string quantity) => new(ids.OpenOrderId, ids.OpenOrderVersion,
            data.OrderDraft(ids.CustomerId, ids.DepartmentId) with {
                Lines = [Ordering.OrderingTestData.Line(Ordering.OrderingTestData.Pen, quantity)] }, "数量訂正");

        var outcomes = await AtOnceAsync(() => Service<FaxOrderService>(db, Tanaka).CorrectAsync(Correct("4")),
            () => Service<FaxOrderService>(db, Sato).CorrectAsync(Correct("6")));

        var winner = OneWinner(outcomes, "Ordering.OrderChanged");
        await using var read = db.CreateDbContext();
        var order = await read.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == ids.OpenOrderId);
        Assert.Equal(winner == 0 ? 4 : 6, order.Lines.Single().Quantity);
        Assert.Equal(ids.OpenOrderVersion + 1, order.Version);
        // Stock followed the winner only: 100 − its quantity.
        Assert.Equal(100 - order.Lines.Single().Quantity,
            await read.Products.Where(p => p.Code == Ordering.OrderingTestData.Pen).Select(p => p.StockOnHand).SingleAsync());
        Assert.Equal(1, await read.AuditEntries.CountAsync(a => a.Action == "Ordering.FaxOrderCorrected"));
    }

    [Fact]
    public async Task Two_agents_moving_one_return_slip_at_once_move_it_once()
    {
        await using var db = data.Template.Copy();
        var ids = data.Ids;

        var outcomes = await AtOnceAsync(
            () => Service<ReturnSlipService>(db, Tanaka).ArrangePickupAsync(ids.ReceivedSlipId, ids.ReceivedSlipVersion),
            () => Service<ReturnSlipService>(db, Sato).RejectAsync(ids.ReceivedSlipId, ids.ReceivedSlipVersion, "開封済み"));

        var winner = OneWinner(outcomes, "Returns.SlipChanged");
        await using var read = db.CreateDbContext();
        var slip = await read.ReturnSlips.SingleAsync(s => s.Id == ids.ReceivedSlipId);
        Assert.Equal(winner == 0 ? ReturnSlipStatus.PickupArranged : ReturnSlipStatus.Rejected, slip.Status);
        Assert.Equal(1, await read.AuditEntries.CountAsync(a => a.EntityType == nameof(ReturnSlip) && a.EntityId == slip.SlipNumber
                                                               && (a.Action == "Returns.PickupArranged"
                                                                   || a.Action == "Returns.Rejected")));
    }

    [Fact]
    public async Task Two_supervisors_changing_one_customers_settings_at_once_keep_one_change_whole()
    {
        await using var db = data.Template.Copy();
        var ids = data.Ids;
        SettingsChange Change(decimal discount, string note) =>
            new(ids.CustomerId, ids.CustomerVersion, new CustomerSettings(false, null, discount, note, null), MatrixDatabase.ByFax);

        var outcomes = await AtOnceAsync(() => Service<CustomerAccountService>(db, Ito).UpdateSettingsAsync(Change(5, "伊藤の変更")),
            () => Service<CustomerAccountService>(db, Watanabe).UpdateSettingsAsync(Change(10, "渡辺の変更")));

        var winner = OneWinner(outcomes, "Accounts.CustomerChanged");
        await using var read = db.CreateDbContext();
        var customer = await read.Customers.SingleAsync(c => c.Id == ids.CustomerId);
        // Never half of each: the discount and the note are the same person's.
        Assert.Equal(winner == 0 ? (0.05m, "伊藤の変更") : (0.10m, "渡辺の変更"), (customer.VolumeDiscountRate, customer.DeliverySlipNote));
    }

    [Fact]
    public async Task A_prize_application_arranged_and_cancelled_at_once_is_either_arranged_or_cancelled_with_its_points_back()
    {
        await using var db = data.Template.Copy();
        var ids = data.Ids;
        var balanceBefore = await BalanceAsync(db, ids.UserAccountId);

        var outcomes = await AtOnceAsync(
            () => Service<PrizeApplicationService>(db, Tanaka).ArrangeAsync(ids.ReceivedApplicationId, ids.ReceivedApplicationVersion),
            () => Service<PrizeApplicationService>(db, Sato)
                .CancelAsync(ids.ReceivedApplicationId, ids.ReceivedApplicationVersion, "お客様の依頼"));

        var winner = OneWinner(outcomes, "Prizes.ApplicationChanged");
        await using var read = db.CreateDbContext();
        var application = await read.PrizeApplications.SingleAsync(a => a.Id == ids.ReceivedApplicationId);
        Assert.Equal(winner == 0 ? PrizeApplicationStatus.Arranged : PrizeApplicationStatus.Cancelled, application.Status);
        Assert.Equal(balanceBefore + (winner == 1 ? application.Points : 0), await BalanceAsync(db, ids.UserAccountId));
    }

    [Fact]
    public async Task
        A_FAX_released_by_a_supervisor_while_its_holder_saves_the_order_keyed_from_it_is_either_done_with_the_order_or_new_without_one()
    {
        await using var db = data.Template.Copy();
        var ids = data.Ids;
        var faxId = data.Fax.HeldBy[TestStaff.DeskAgent.Id];
        var draft = data.OrderDraft(ids.CustomerId, ids.DepartmentId) with { FaxInboxItemId = faxId };
        int ordersBefore;
        await using (var before = db.CreateDbContext())
            ordersBefore = await before.Orders.CountAsync();

        var outcomes = await AtOnceAsync(
            () => Service<FaxOrderService>(db, TestStaff.DeskAgent).SaveAsync(new(draft, Guid.NewGuid(), DuplicateConfirmed: true)),
            () => Service<FaxInboxService>(db, Ito).ReleaseAsync(faxId));

        Assert.Single(outcomes, o => o is null);
        var refused = Assert.IsType<BusinessRuleException>(Assert.Single(outcomes, o => o is not null));
        await using var read = db.CreateDbContext();
        var fax = await read.FaxInboxItems.SingleAsync(f => f.Id == faxId);
        var orders = await read.Orders.Where(o => o.FaxInboxItemId == faxId).Select(o => o.Id).ToListAsync();
        if (outcomes[0] is null)
        {
            // Keyed first: the release comes too late and says who completed it.
            Assert.Equal("FaxInbox.AlreadyDone", refused.Key);
            Assert.Equal((FaxStatus.Done, FaxKind.Order, (int?)Assert.Single(orders)), (fax.Status, fax.Kind, fax.OrderId));
        }
        else
        {
            // Released first: the order is refused whole, so nobody keys the FAX twice once someone else claims it.
            Assert.Equal("FaxInbox.NotClaimed", refused.Key);
            Assert.Equal((FaxStatus.New, null, null), (fax.Status, fax.ClaimedByStaffId, fax.OrderId));
            Assert.Empty(orders);
            Assert.Equal(ordersBefore, await read.Orders.CountAsync());
        }
    }

    private static T Service<T>(TestDatabase db, ICurrentStaff staff) where T : notnull =>
        MatrixDatabase.Services(db, staff).CreateScope().ServiceProvider.GetRequiredService<T>();

    private static async Task<int> BalanceAsync(TestDatabase db, int accountId)
    {
        await using var read = db.CreateDbContext();
        return await PointLedger.LiveRemainders(read, accountId, db.BusinessClock.Today).SumAsync();
    }

    /// <summary>Starts both saves together (each on its own thread and connection) and waits for both.</summary>
    private static async Task<Exception?[]> AtOnceAsync(params Func<Task>[] saves)
    {
        using var start = new ManualResetEventSlim();
        var running = saves.Select(save => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await save();
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        })).ToArray();
        start.Set();
        return await Task.WhenAll(running);
    }

    /// <summary>Exactly one save succeeded; the other was refused with the record's "changed" message. Returns the
    /// winner's index.</summary>
    private static int OneWinner(Exception?[] outcomes, string changedKey)
    {
        Assert.Single(outcomes, o => o is null);
        var refused = Assert.IsType<BusinessRuleException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal(changedKey, refused.Key);
        return Array.IndexOf(outcomes, null);
    }
}
