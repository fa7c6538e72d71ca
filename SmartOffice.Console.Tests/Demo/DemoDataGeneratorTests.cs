using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using Xunit.Abstractions;

namespace SmartOffice.Console.Tests.Demo;

/// <summary>The standard demo data, generated once for every test of the class.</summary>
public sealed class StandardDemoData : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;
    public bool Generated { get; private set; }
    public TimeSpan Elapsed { get; private set; }

    public async Task InitializeAsync()
    {
        Database = await DemoDatabase.CreateAsync();
        var stopwatch = Stopwatch.StartNew();
        Generated = await DemoDatabase.Generator(Database)
            .GenerateIfEmptyAsync(DemoSize.Standard, DemoDatabase.Seed, CancellationToken.None);
        Elapsed = stopwatch.Elapsed;
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class DemoDataGeneratorTests(StandardDemoData demo, ITestOutputHelper output) : IClassFixture<StandardDemoData>
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public async Task Standard_demo_data_has_a_working_desks_volume()
    {
        await using var db = demo.Database.CreateDbContext();
        output.WriteLine($"standard generation: {demo.Elapsed.TotalSeconds:0.0} s");

        Assert.True(demo.Generated);
        Assert.Equal(20, await db.Dealers.CountAsync());
        Assert.Equal(1_000, await db.Customers.CountAsync());
        Assert.InRange(await db.WebUsers.CountAsync(), 2_500, 3_500);
        Assert.Equal(5_000, await db.Products.CountAsync());
        Assert.InRange(await db.Orders.CountAsync(), 35_000, 45_000);
        Assert.InRange(await db.OrderLines.CountAsync(), 100_000, 140_000);
        Assert.InRange(await db.PointLots.CountAsync(), 30_000, 45_000);
        Assert.InRange(await db.Prizes.CountAsync(), 25, 40);
        Assert.InRange(await db.PrizeApplications.CountAsync(), 100, 250);
        Assert.InRange(await db.ReturnSlips.CountAsync(), 20, 40);
        Assert.InRange(await db.BalanceRequests.CountAsync(), 10, 20);
        Assert.Equal(6, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Customers_spread_over_all_regions_mostly_Honshu_with_readable_names_and_numbers()
    {
        await using var db = demo.Database.CreateDbContext();
        var byRegion = await db.Customers.GroupBy(c => c.Region!.Code).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var customers = await db.Customers.AsNoTracking().ToListAsync();

        Assert.Equal(6, byRegion.Count);
        Assert.Equal("Honshu", byRegion.MaxBy(r => r.Count)!.Key);
        Assert.All(customers, c =>
        {
            Assert.Matches("^(株式会社|有限会社)?[^ ]+?(株式会社)?$", c.Name);
            Assert.Matches("^[ァ-ヶー]+$", c.NameKana);
            Assert.DoesNotContain("株式会社", c.SearchKey);
            Assert.DoesNotContain(" ", c.SearchKey);
            Assert.EndsWith(c.NameKana, c.SearchKey);
            Assert.Equal(string.Concat(c.Phone.Where(char.IsAsciiDigit)), c.PhoneDigits);
            Assert.Equal(10, c.PhoneDigits.Length);
            Assert.Matches(@"^\d{3}-\d{4}$", c.PostalCode);
        });
        Assert.Contains(customers, c => c.PointsOptedOut);
        Assert.Contains(customers, c => c.VolumeDiscountRate is >= 0.03m and <= 0.10m);
    }

    [Fact]
    public async Task Every_department_has_an_active_administrator_and_some_web_users_are_locked_or_near_the_limit()
    {
        await using var db = demo.Database.CreateDbContext();

        Assert.False(await db.Departments.AnyAsync(d => !d.WebUsers.Any(u => u.IsAdministrator && u.IsActive)));
        Assert.True(await db.WebUsers.AnyAsync(u => u.LockedAt != null && u.FailedPasswordCount == 11));
        Assert.True(await db.WebUsers.AnyAsync(u => u.LockedAt == null && u.FailedPasswordCount >= 8 && u.FailedPasswordCount <= 10));
        Assert.False(await db.WebUsers.AnyAsync(u => u.LockedAt == null && u.FailedPasswordCount > 10));
        Assert.True(await db.Departments.AnyAsync(d => d.MonthlyBudget != null && d.BudgetKind == BudgetKind.Soft));
    }

    [Fact]
    public async Task Order_totals_are_the_goods_plus_shipping_plus_tax_per_rate_rounded_down()
    {
        await using var db = demo.Database.CreateDbContext();

        Assert.Equal(0, await db.Orders.CountAsync(o => o.Total != o.GoodsSubtotal + o.ShippingFee + o.TaxStandard + o.TaxReduced));
        Assert.Equal(0, await db.Orders.CountAsync(o =>
            o.GoodsSubtotal != db.OrderLines.Where(l => l.OrderId == o.Id).Sum(l => l.Amount)));
        Assert.Equal(0, await db.OrderLines.CountAsync(l => l.Amount != l.UnitPrice * l.Quantity || l.UnitPrice > l.ListUnitPrice));
        Assert.Equal(0, await db.Orders.CountAsync(o =>
            o.TaxReduced != db.OrderLines.Where(l => l.OrderId == o.Id && l.TaxClass == TaxClass.Reduced8).Sum(l => l.Amount) * 8 / 100));
        Assert.Equal(0, await db.Orders.CountAsync(o =>
            o.TaxStandard != (db.OrderLines.Where(l => l.OrderId == o.Id && l.TaxClass == TaxClass.Standard10).Sum(l => l.Amount)
                + o.ShippingFee) * 10 / 100));
        Assert.Equal(0, await db.Orders.CountAsync(o => o.GoodsSubtotal >= 2_500 && o.ShippingFee != 0));
        Assert.Equal(0, await db.Orders.CountAsync(o => o.GoodsSubtotal < 2_500 && o.ShippingFee != 300
            && o.ShippingFeeReason != ShippingFeeReason.FreeAdditionalOrder));
        Assert.True(await db.Orders.AnyAsync(o => o.ShippingFeeReason == ShippingFeeReason.FreeAdditionalOrder));
        Assert.True(await db.Orders.AnyAsync(o => o.TaxReduced > 0));
    }

    [Fact]
    public async Task Discounts_and_points_follow_the_customer_settings()
    {
        await using var db = demo.Database.CreateDbContext();
        var rules = new PointRules(new RulesOptions());
        var lines = await db.OrderLines.AsNoTracking().OrderBy(l => l.Id)
            .Join(db.Orders, l => l.OrderId, o => o.Id, (l, o) => new { l.ListUnitPrice, l.UnitPrice, o.CustomerId })
            .Take(20_000).ToListAsync();
        var customers = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var orders = await db.Orders.AsNoTracking().Include(o => o.Shipments).ToListAsync();

        Assert.All(lines, l =>
            Assert.Equal(TaxRules.DiscountedUnitPrice(l.ListUnitPrice, customers[l.CustomerId].VolumeDiscountRate), l.UnitPrice));
        Assert.All(orders, o =>
        {
            // Points belong to the order's acceptance day: its standard shipment's, else its first.
            var acceptanceDay = o.Shipments.OrderBy(s => s.DeliveryClass).First().AcceptanceDay;
            var customer = customers[o.CustomerId];
            var optedOut = customer.PointsOptedOut && customer.PointsOptOutFrom <= acceptanceDay;
            Assert.Equal(o.Status == OrderStatus.Voided ? 0 : rules.PointsEarned(o.GoodsSubtotal, optedOut), o.PointsEarned);
        });
        Assert.Contains(orders, o => o.PointsEarned == 0 && o.GoodsSubtotal >= 100);
    }

    [Fact]
    public async Task Shipments_are_dated_by_the_delivery_rules_and_past_ones_are_delivered()
    {
        await using var db = demo.Database.CreateDbContext();
        var calendar = new BusinessCalendarSnapshot(await db.CalendarDays.AsNoTracking().ToListAsync(),
            new StaticBusinessCalendar(new RulesOptions()));
        var rules = new DeliveryRules(calendar, new RulesOptions());
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id);
        var customers = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.RegionId);
        var orders = await db.Orders.AsNoTracking().Include(o => o.Shipments).OrderBy(o => o.Id).Take(3_000).ToListAsync();

        foreach (var order in orders)
        {
            var region = regions[customers[order.CustomerId]];
            var cutoffs = region.Cutoffs;
            foreach (var shipment in order.Shipments)
            {
                var quote = rules.Quote(order.ReceivedAt, order.Channel, shipment.DeliveryClass, cutoffs);
                Assert.Equal(quote.AcceptanceDay, shipment.AcceptanceDay);
                if (shipment.DeliveryClass != DeliveryClass.SpecialOrder)
                    Assert.Equal(order.RequestedDeliveryDate ?? quote.EarliestDelivery, shipment.DeliveryDate);
            }
        }
        Assert.Equal(0, await db.Shipments.CountAsync(s => s.Status != ShipmentStatus.Voided && s.DeliveryDate < Today
            && s.Status != ShipmentStatus.Delivered));
        Assert.Equal(0, await db.Shipments.CountAsync(s => s.Status == ShipmentStatus.Delivered && s.DeliverySlipNumber == null));
        Assert.Equal(0, await db.OrderLines.CountAsync(l => l.Shipment!.Status == ShipmentStatus.Delivered
            && l.DeliveredQuantity != l.Quantity));
        Assert.True(await db.Shipments.AnyAsync(s => s.AcceptanceDay == Today && s.Status == ShipmentStatus.Open));
    }

    [Fact]
    public async Task Today_has_FAX_orders_keyed_minutes_after_receipt_by_a_demo_desk_agent_and_nothing_is_in_the_future()
    {
        await using var db = demo.Database.CreateDbContext();
        var (start, end) = demo.Database.BusinessClock.DayBounds(Today);
        var deskAgents = await db.Users.Where(u => u.UserName == DemoStaff.DeskAgent || u.UserName == DemoStaff.DeskAgent2)
            .Select(u => u.Id).ToListAsync();
        var faxToday = await db.Orders.AsNoTracking()
            .Where(o => o.Channel == OrderChannel.Fax && o.ReceivedAt >= start && o.ReceivedAt < end).ToListAsync();

        Assert.NotEmpty(faxToday);
        Assert.All(faxToday, o =>
        {
            Assert.InRange((o.KeyedAt!.Value - o.ReceivedAt).TotalMinutes, 2, 90);
            Assert.Contains(o.KeyedByStaffId, deskAgents);
        });
        Assert.False(await db.Orders.AnyAsync(o => o.ReceivedAt > DemoDatabase.Now || o.KeyedAt > DemoDatabase.Now));
        Assert.False(await db.Orders.AnyAsync(o => o.Channel == OrderChannel.Web && (o.KeyedAt != null || o.WebUserId == null)));
        Assert.True(await db.Orders.AnyAsync(o => o.ReceivedAt < start.AddMonths(-14)));
    }

    [Fact]
    public async Task Every_lot_remaining_equals_its_ledger_and_lots_past_their_date_are_expired()
    {
        await using var db = demo.Database.CreateDbContext();

        Assert.Equal(0, await db.PointLots.CountAsync(l => l.Remaining < 0
            || l.Remaining != db.PointLedger.Where(e => e.PointLotId == l.Id).Sum(e => e.Points)));
        Assert.Equal(0, await db.PointLots.CountAsync(l => l.ValidThrough < Today && l.Remaining > 0));
        // One lot per order with points, holding exactly those points.
        var ordersWithPoints = await db.Orders.CountAsync(o => o.PointsEarned > 0);
        Assert.Equal(ordersWithPoints, await db.PointLots.CountAsync());
        Assert.Equal(ordersWithPoints,
            await db.PointLots.CountAsync(l => db.Orders.Any(o => o.Id == l.OrderId && o.PointsEarned == l.Points)));
        Assert.True(await db.PointLedger.AnyAsync(e => e.Kind == PointEntryKind.Expire));
        Assert.True(await db.PointLedger.AnyAsync(e => e.Kind == PointEntryKind.Spend));
        // The desk can show points that expire at the end of this month.
        Assert.True(await db.PointLots.AnyAsync(l => l.ValidThrough == new DateOnly(2026, 11, 30) && l.Remaining > 0));
    }

    [Fact]
    public async Task Demo_staff_and_web_users_sign_in_with_the_documented_passwords()
    {
        await using var db = demo.Database.CreateDbContext();
        var dealer1 = await db.Users.SingleAsync(u => u.NormalizedUserName == DemoStaff.DealerRep.ToUpperInvariant());
        var firstDealer = await db.Dealers.OrderBy(d => d.Id).FirstAsync();
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        var webUser = await db.WebUsers.FirstAsync();

        Assert.Equal(PasswordVerificationResult.Success,
            new PasswordHasher<StaffUser>().VerifyHashedPassword(dealer1, dealer1.PasswordHash!, DemoStaff.Password));
        Assert.Equal(PasswordVerificationResult.Success,
            new PasswordHasher<WebUser>().VerifyHashedPassword(webUser, webUser.PasswordHash, DemoStaff.WebUserPassword));
        Assert.Equal("鈴木 一郎", dealer1.DisplayName);
        Assert.Equal(firstDealer.Id, dealer1.DealerId);
        Assert.Contains(roles, r => r.UserId == dealer1.Id && r.Name == StaffRoles.DealerRep);
        Assert.Equal(6, roles.Count);
        Assert.All(await db.Users.ToListAsync(), u => Assert.NotNull(u.SecurityStamp));
    }

    [Fact]
    public async Task Generating_if_empty_a_second_time_does_nothing()
    {
        var orders = await DemoDatabase.ScalarAsync(demo.Database, "SELECT COUNT(*) FROM Orders");

        var generated = await DemoDatabase.Generator(demo.Database)
            .GenerateIfEmptyAsync(DemoSize.Standard, DemoDatabase.Seed, CancellationToken.None);

        Assert.False(generated);
        Assert.Equal(orders, await DemoDatabase.ScalarAsync(demo.Database, "SELECT COUNT(*) FROM Orders"));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DemoDatabase.Generator(demo.Database).GenerateAsync(DemoSize.Standard, DemoDatabase.Seed, CancellationToken.None));
    }

    [Fact]
    public async Task Every_foreign_key_points_at_a_row()
    {
        Assert.Equal(0, await DemoDatabase.ScalarAsync(demo.Database, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
    }
}

/// <summary>Small profiles generated on the spot: determinism, the EF fallback writer, the large profile's shape.</summary>
public sealed class DemoProfileTests
{
    private static readonly DemoProfile Small = DemoProfile.Standard with
    {
        Dealers = 4, Customers = 60, Products = 300, Orders = 2_500, PrizeApplications = 10, ReturnSlips = 5, BalanceRequests = 5,
    };

    // EF change tracking is slow: a smaller profile still writes every entity type.
    private static readonly DemoProfile Tiny = Small with { Customers = 30, Products = 150, Orders = 800, PrizeApplications = 5 };

    private static async Task<TestDatabase> GenerateAsync(DemoProfile profile, int seed = DemoDatabase.Seed, bool throughEf = false)
    {
        var database = await DemoDatabase.CreateAsync();
        await DemoDatabase.Generator(database).GenerateAsync(profile, seed, throughEf, CancellationToken.None);
        return database;
    }

    [Fact]
    public async Task The_same_seed_on_the_same_day_gives_the_same_data_and_another_seed_other_data()
    {
        await using var first = await GenerateAsync(Small);
        await using var second = await GenerateAsync(Small);
        await using var other = await GenerateAsync(Small, seed: 7);

        var dump = await DemoDatabase.DumpAsync(first);
        Assert.Equal(DemoDatabase.Checksum(dump), DemoDatabase.Checksum(await DemoDatabase.DumpAsync(second)));
        Assert.NotEqual(DemoDatabase.Checksum(dump), DemoDatabase.Checksum(await DemoDatabase.DumpAsync(other)));
    }

    [Fact]
    public async Task The_SQLite_writer_stores_exactly_what_EF_stores()
    {
        await using var raw = await GenerateAsync(Tiny);
        await using var ef = await GenerateAsync(Tiny, throughEf: true);

        var expected = (await DemoDatabase.DumpAsync(ef)).Split('\n');
        var actual = (await DemoDatabase.DumpAsync(raw)).Split('\n');
        Assert.Contains(expected, row => row.StartsWith("## ReturnSlipLines"));
        Assert.Equal(expected.Length, actual.Length);
        // Line by line, so a failure names the table row that differs.
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second));
    }

    [Fact]
    public void The_large_profile_meets_the_benchmark_minimums()
    {
        var large = DemoProfile.Large;
        var linesPerOrder = large.LineCountWeights.Select((w, i) => w * (i + 1.0)).Sum() / large.LineCountWeights.Sum();

        Assert.True(large.Products >= 50_000);
        Assert.True(large.Customers >= 20_000);
        Assert.True(large.Orders * linesPerOrder >= 2_200_000, $"{large.Orders * linesPerOrder:N0} lines");
        Assert.True(large.Orders * large.HeavyCustomerShare * linesPerOrder >= 220_000, "the first customer's lines");
        // Every order with points earns a lot; about 5 % of customers opted out.
        Assert.True(large.Orders * 0.9 >= 1_000_000, "point lots");
        Assert.False(large.ExpireOverdueLots);
    }

    [Fact]
    public async Task A_large_shaped_profile_leaves_about_40_percent_of_lots_due_to_expire()
    {
        var profile = DemoProfile.Large with
        {
            Dealers = 8, Customers = 200, Products = 1_000, Orders = 15_000, PrizeApplications = 12, ReturnSlips = 10, BalanceRequests = 10,
        };
        await using var database = await GenerateAsync(profile);
        await using var db = database.CreateDbContext();
        var endOfMonth = new DateOnly(2026, 11, 30);

        var lots = await db.PointLots.CountAsync();
        var due = await db.PointLots.CountAsync(l => l.ValidThrough <= endOfMonth && l.Remaining > 0
            && !db.PointLedger.Any(e => e.PointLotId == l.Id && e.Kind == PointEntryKind.Expire));
        var lines = await db.OrderLines.CountAsync();
        var firstCustomerLines = await db.OrderLines.CountAsync(l => db.Orders.Any(o => o.Id == l.OrderId && o.CustomerId == 1));

        Assert.InRange((double)due / lots, 0.34, 0.46);
        Assert.True(lots >= profile.Orders * 0.85, $"{lots} lots");
        Assert.False(await db.PointLedger.AnyAsync(e => e.Kind == PointEntryKind.Expire));
        Assert.InRange((double)firstCustomerLines / lines, 0.07, 0.13);
        Assert.Equal(0, await db.PointLots.CountAsync(l => l.Remaining < 0
            || l.Remaining != db.PointLedger.Where(e => e.PointLotId == l.Id).Sum(e => e.Points)));
    }
}
