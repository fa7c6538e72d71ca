using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOffice.Console.Tests.FaxInbox;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Points;
using SmartOffice.Console.Tests.Returns;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>
/// Two dealers and one record of every kind belonging to dealer B's customer, made through the services themselves, on a
/// template SQLite file. Every call of the matrix gets its own copy of the file, so rows never see each other's writes.
/// </summary>
public sealed class MatrixDatabase : IAsyncLifetime
{
    public const string OtherCustomerCode = "20000001", CustomerCode = "20000002";
    public const string LockedUserId = "u2000002", PlainUserId = "u2000003";
    public static readonly ChangeRequester ByFax = new("山田 花子", RequestChannel.Fax);

    /// <summary>The one scanned page every FAX of the fixture is (uploads differ by file name).</summary>
    public static readonly byte[] FaxPage = FaxFiles.Png();
    /// <summary>A desk agent none of the matrix's callers is: the holder of the FAX only supervision may release.</summary>
    public static readonly TestStaff Colleague = new("desk-colleague", "佐藤 健太", null, StaffRoles.DeskAgent);

    public TestDatabase Template { get; } = new();
    public MatrixIds Ids { get; private set; } = default!;
    public MatrixFaxIds Fax { get; private set; } = default!;
    public MatrixStaffIds Staff { get; private set; } = default!;
    /// <summary>Dealer A's customer (another customer's department for mistaken input) and dealer B's 管理者' version.</summary>
    public MatrixOtherIds OtherIds { get; private set; } = default!;
    public MatrixBackOrder BackOrder { get; private set; } = default!;
    /// <summary>Dealer B's special order (電話マーク) still without the maker's date.</summary>
    public MatrixSpecialOrder SpecialOrder { get; private set; } = default!;
    public DatabaseSnapshot Snapshot { get; private set; } = default!;
    /// <summary>A quote (簡易見積書) of dealer B's customer, still open.</summary>
    public int QuoteId { get; private set; }

    /// <summary>Texts that only dealer B's records contain: a rep of dealer A must never get any of them back.</summary>
    public IReadOnlyList<string> CustomerMarkers { get; private set; } = [];

    /// <summary>Texts of dealer A's customer: dealer B's rep must never get them back, even through dealer B's own records.</summary>
    public IReadOnlyList<string> OtherDealerMarkers { get; } = [OtherCustomerCode, $"株式会社テスト{OtherCustomerCode}"];

    public async Task InitializeAsync()
    {
        var db = await Template.InitializeAsync();
        await db.SeedCatalogAsync();
        var other = await db.AddCustomerAsync("DA", OtherCustomerCode);
        var department = await db.AddCustomerAsync("DB", CustomerCode);
        // Dealer A's customer already has the phone number dealer B's customer changes to: the change form warns, the desk
        // confirms, and dealer B's records now hold dealer A's data (the duplicate note, the duplicate warning).
        await db.UpdateAsync<Customer>(other.CustomerId, c => (c.Phone, c.PhoneDigits) = ("03-2222-3333", "0322223333"));
        var administrator = await db.AddWebUserAsync(department, "u2000001");
        var locked = await db.AddWebUserAsync(department, LockedUserId, failures: 11, lockedAt: db.Clock.GetUtcNow().AddHours(-1),
            administrator: false);
        var plain = await db.AddWebUserAsync(department, PlainUserId, administrator: false);
        var shipTo = await db.AddShipToAsync(department.CustomerId, "大阪支店");
        var supervisor = TestStaff.Supervisor;
        var desk = TestStaff.DeskAgent;
        await using var services = Services(db, supervisor);
        T Get<T>() where T : notnull => services.GetRequiredService<T>();
        await using (var asDesk = Services(db, desk))
            await asDesk.GetRequiredService<CustomerRegistrationService>()
                .ChangeAsync(new(department.CustomerId, 0, $"株式会社テスト{CustomerCode}", "テスト",
                "100-0001", "東京都千代田区1-1", "03-2222-3333", "03-2222-4444", ByFax, DuplicateConfirmed: true));

        await Get<CustomerAccountService>()
            .AddOrderLockAsync(new(department.CustomerId, (await Get<CustomerAccountService>().GetAsync(department.CustomerId)).Version,
            OrderLockKind.Product, OrderingTestData.Toner, ByFax));
        var faxOrders = Get<FaxOrderService>();
        var saved = await faxOrders.SaveAsync(new(OrderDraft(department), Guid.NewGuid()));
        // 入荷待ち: more than the stock, so the line waits (the desk may cancel it).
        var backOrdered = await faxOrders.SaveAsync(
            new(new FaxOrderDraft(department.CustomerId, department.Id, null, Template.Clock.GetUtcNow().AddHours(-1),
            null, [OrderingTestData.Line(OrderingTestData.Scarce, "99")]), Guid.NewGuid()));
        var specialOrdered = await faxOrders.SaveAsync(
            new(new FaxOrderDraft(department.CustomerId, department.Id, null, Template.Clock.GetUtcNow().AddHours(-1),
            null, [OrderingTestData.Line(OrderingTestData.Special, "1")]), Guid.NewGuid()));
        QuoteId = (await Get<QuoteService>().IssueAsync(OrderDraft(department))).Id;
        var delivered = await db.AddDeliveredOrderAsync(department, new DateOnly(2026, 11, 20), new DeliveredLine("R0000001", 500, 10));
        var deliveredLine = await db.OrderLineIdAsync(delivered, "R0000001");
        var returns = Get<ReturnSlipService>();
        async Task<ReturnSlipRow> Slip() => await returns.CreateAsync(new(delivered.Id, CustomerCode, null,
            [new ReturnLineInput(deliveredLine, 1, ReturnReason.ImageDiffers, Unopened: true)]));
        var received = await Slip();
        var arranged = await Slip();
        await returns.ArrangePickupAsync(arranged.Id, await VersionAsync<ReturnSlip>(arranged.Id));
        var inspected = await Slip();
        await returns.ArrangePickupAsync(inspected.Id, await VersionAsync<ReturnSlip>(inspected.Id));
        await returns.InspectAsync(inspected.Id, await VersionAsync<ReturnSlip>(inspected.Id),
            [new((await db.SlipAsync(inspected.Id)).Lines[0].Id, true)]);
        var credited = await Slip();
        await returns.ArrangePickupAsync(credited.Id, await VersionAsync<ReturnSlip>(credited.Id));
        await returns.InspectAsync(credited.Id, await VersionAsync<ReturnSlip>(credited.Id),
            [new((await db.SlipAsync(credited.Id)).Lines[0].Id, true)]);
        await returns.CreditAsync(credited.Id, await VersionAsync<ReturnSlip>(credited.Id));

        var userAccount = await db.AddAccountAsync(department, administrator);
        await db.EarnAsync(userAccount, 2000, new DateOnly(2026, 10, 1), saved.OrderId!.Value);
        int departmentAccount;
        await using (var read = db.CreateDbContext())
            departmentAccount = await read.PointAccounts.Where(a => a.DepartmentId == department.Id
                && a.Kind == PointAccountKind.Department).Select(a => a.Id).SingleAsync();
        var prize = await db.AddPrizeAsync("PZ0001", 100, 50, new DateOnly(2026, 1, 1));
        var applications = Get<SmartOffice.Domain.Prizes.PrizeApplicationService>();
        async Task<int> Apply() => (await applications.ApplyAsync(new(userAccount.Id, prize.Id, 1, OrderChannel.Fax, null))).Id;
        var appReceived = await Apply();
        var appArranged = await Apply();
        await applications.ArrangeAsync(appArranged, await VersionAsync<SmartOffice.Domain.Prizes.PrizeApplication>(appArranged));
        var appShipped = await Apply();
        await applications.ArrangeAsync(appShipped, await VersionAsync<SmartOffice.Domain.Prizes.PrizeApplication>(appShipped));
        await applications.ShipAsync(appShipped, await VersionAsync<SmartOffice.Domain.Prizes.PrizeApplication>(appShipped), "ヤマト運輸",
            "1234-5678-9012");
        var balanceRequest = await Get<BalanceRequestService>().RegisterAsync(new(CustomerCode, department.Id, null));
        var closure = await Get<BusinessCalendarService>().AddClosureAsync(new DateOnly(2026, 12, 26), "棚卸");
        Fax = await FaxAsync(db);
        Staff = await StaffAsync(db, await db.DealerIdOfAsync(department));

        await using var read2 = db.CreateDbContext();
        var honshu = await read2.Regions.SingleAsync(r => r.Code == "Honshu");
        var order = await read2.Orders.SingleAsync(o => o.Id == saved.OrderId);
        Ids = new MatrixIds(
            await db.DealerIdOfAsync(other), await db.DealerIdOfAsync(department), department.CustomerId, department.Id,
            await VersionAsync<Customer>(department.CustomerId), await VersionAsync<Department>(department.Id),
            administrator.Id, locked.Id, await VersionAsync<WebUser>(locked.Id), plain.Id, await VersionAsync<WebUser>(plain.Id),
            shipTo.Id, await VersionAsync<ShipTo>(shipTo.Id),
                await read2.OrderLocks.Where(l => l.CustomerId == department.CustomerId).Select(l => l.Id).SingleAsync(),
            order.Id, order.OrderNumber, order.Version, delivered.Id, delivered.OrderNumber, deliveredLine,
            received.Id, await VersionAsync<ReturnSlip>(received.Id), arranged.Id, await VersionAsync<ReturnSlip>(arranged.Id),
            (await db.SlipAsync(arranged.Id)).Lines[0].Id, inspected.Id, await VersionAsync<ReturnSlip>(inspected.Id),
            credited.Id, await VersionAsync<ReturnSlip>(credited.Id),
            userAccount.Id, await VersionAsync<PointAccount>(userAccount.Id), departmentAccount,
            prize.Id, await VersionAsync<SmartOffice.Domain.Prizes.Prize>(prize.Id),
            appReceived, await VersionAsync<SmartOffice.Domain.Prizes.PrizeApplication>(appReceived),
            appArranged, await VersionAsync<SmartOffice.Domain.Prizes.PrizeApplication>(appArranged),
            appShipped, await VersionAsync<SmartOffice.Domain.Prizes.PrizeApplication>(appShipped),
            balanceRequest, await VersionAsync<BalanceRequest>(balanceRequest), closure.Id, closure.Version, honshu.Id, honshu.Version);
        OtherIds = new(other.CustomerId, other.Id, await VersionAsync<WebUser>(administrator.Id));
        BackOrder = new(backOrdered.OrderId!.Value, (await read2.Orders.SingleAsync(o => o.Id == backOrdered.OrderId)).Version, 1);
        SpecialOrder = new(specialOrdered.OrderId!.Value, (await read2.Orders.SingleAsync(o => o.Id == specialOrdered.OrderId)).Version,
            await read2.Shipments.Where(s => s.OrderId == specialOrdered.OrderId).Select(s => s.Id).SingleAsync());
        var slipNumbers = await read2.ReturnSlips.Select(s => s.SlipNumber).ToListAsync();
        var applicationNumbers = await read2.PrizeApplications.Select(a => a.ApplicationNumber).ToListAsync();
        CustomerMarkers = [CustomerCode, $"株式会社テスト{CustomerCode}", "u2000001", LockedUserId, PlainUserId, order.OrderNumber,
            delivered.OrderNumber,
            .. slipNumbers, .. applicationNumbers, .. await read2.Quotes.Select(q => q.QuoteNumber).ToListAsync()];
        Snapshot = await DatabaseSnapshot.TakeAsync(db);

        async Task<int> VersionAsync<T>(int id) where T : class, IVersioned
        {
            await using var versions = db.CreateDbContext();
            return (await versions.Set<T>().FindAsync(id))!.Version;
        }
    }

    /// <summary>
    /// FAXes from dealer B's customer's number, uploaded, sorted and claimed through the inbox itself: one new; one held by
    /// each caller who may hold one (sorted "other", so its holder may reject it or close it with a note); one held by
    /// <see cref="Colleague"/> (only supervision releases it); and a damaged file the watcher quarantined.
    /// </summary>
    private static async Task<MatrixFaxIds> FaxAsync(TestDatabase db)
    {
        var receivedAt = db.Clock.GetUtcNow().AddHours(-1);
        async Task As(ICurrentStaff staff, Func<FaxInboxService, Task> use)
        {
            await using var services = Services(db, staff);
            await use(services.GetRequiredService<FaxInboxService>());
        }
        async Task<int> UploadAsync(string name)
        {
            var id = 0;
            await As(TestStaff.DeskAgent, async inbox => id = await inbox.UploadAsync(new(name, FaxPage, receivedAt, null)));
            return id;
        }
        async Task<int> HeldAsync(ICurrentStaff holder, string name)
        {
            var id = await UploadAsync(name);
            await As(TestStaff.DeskAgent, inbox => inbox.SetKindAsync(id, FaxKind.Other));
            await As(holder, inbox => inbox.ClaimAsync(id));
            return id;
        }

        const string newName = "20261125090000_0322224444.png";
        var fresh = await UploadAsync(newName);
        var heldBy = new Dictionary<string, int>
        {
            [TestStaff.DeskAgent.Id] = await HeldAsync(TestStaff.DeskAgent, "20261125090100_0322224444.png"),
            [TestStaff.Supervisor.Id] = await HeldAsync(TestStaff.Supervisor, "20261125090200_0322224444.png"),
            [TestStaff.Administrator.Id] = await HeldAsync(TestStaff.Administrator, "20261125090300_0322224444.png"),
        };
        var colleagues = await HeldAsync(Colleague, "20261125090400_0322224444.png");

        await using var watcher = Services(db, TestStaff.Anonymous);
        var drop = watcher.GetRequiredService<IOptions<FaxInboxOptions>>().Value.DropFolder;
        Directory.CreateDirectory(drop);
        await File.WriteAllBytesAsync(Path.Combine(drop, "20261125090500_0322224444.pdf"), "%PDF-1.4 cut off"u8.ToArray());
        var intake = watcher.GetRequiredService<FaxIntakeService>();
        // A file is imported (here: quarantined) once it has held still for a scan.
        await intake.ScanAsync();
        await intake.ScanAsync();
        await using var read = db.CreateDbContext();
        return new MatrixFaxIds(fresh, newName, heldBy, colleagues, await read.FaxIntakeIssues.Select(i => i.Id).SingleAsync());
    }

    /// <summary>
    /// An account for each caller (their own password change) with <see cref="StaffTestData.Password"/>, and three desk agents
    /// an administrator manages: an active one, a disabled one and a locked one.
    /// </summary>
    private static async Task<MatrixStaffIds> StaffAsync(TestDatabase db, int dealerId)
    {
        await db.AddStaffMemberAsync(TestStaff.DeskAgent.Id, "matrix-desk", StaffRoles.DeskAgent);
        await db.AddStaffMemberAsync(TestStaff.DealerRep(dealerId).Id, "matrix-dealer", StaffRoles.DealerRep, dealerId: dealerId);
        await db.AddStaffMemberAsync(TestStaff.Supervisor.Id, "matrix-super", StaffRoles.Supervisor);
        var administrator = await db.AddStaffMemberAsync(TestStaff.Administrator.Id, "matrix-admin", StaffRoles.Administrator);
        var target = await db.AddStaffMemberAsync("matrix-target", "target", StaffRoles.DeskAgent);
        var disabled = await db.AddStaffMemberAsync("matrix-disabled", "disabled", StaffRoles.DeskAgent, isActive: false);
        var locked = await db.AddStaffMemberAsync("matrix-locked", "locked", StaffRoles.DeskAgent);
        await using (var write = db.CreateDbContext())
        {
            var user = await write.Users.SingleAsync(u => u.Id == locked.Id);
            user.LockoutEnd = db.Clock.GetUtcNow().AddMinutes(10);
            await write.SaveChangesAsync();
        }
        return new MatrixStaffIds(target.Id, target.ConcurrencyStamp!, disabled.Id, disabled.ConcurrencyStamp!, locked.Id,
            (await db.StaffAsync(locked.Id)).ConcurrencyStamp!, administrator.ConcurrencyStamp!);
    }

    /// <summary>Two lines of standard goods for dealer B's department, received this morning.</summary>
    public FaxOrderDraft OrderDraft(Department department) => OrderDraft(department.CustomerId, department.Id);

    public FaxOrderDraft OrderDraft(int customerId, int departmentId) => new(customerId, departmentId, null,
        Template.Clock.GetUtcNow().AddHours(-1), null,
            [OrderingTestData.Line(OrderingTestData.Pen, "3", "総務 山田"), OrderingTestData.Line(OrderingTestData.Tea, "2")]);

    /// <summary>
    /// The domain as the app wires it (<c>AddSmartOfficeDomain</c>), over <paramref name="database"/>, its clock and one caller:
    /// a service added to the domain later resolves here without the test knowing its constructor.
    /// </summary>
    public static ServiceProvider Services(TestDatabase database, ICurrentStaff staff,
        IDbContextFactory<SmartOfficeDbContext>? contexts = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(database.Clock);
        services.AddSmartOfficeDomain(new ConfigurationBuilder().Build(), database.Folder);
        services.AddSingleton(contexts ?? database);
        services.AddScoped(_ => staff);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = false });
    }

    public async Task DisposeAsync() => await Template.DisposeAsync();
}

/// <summary>Ids and versions of dealer B's records in the template (each call starts from a copy, so they stay true).</summary>
public sealed record MatrixIds(
    int OtherDealerId, int DealerId, int CustomerId, int DepartmentId, int CustomerVersion, int DepartmentVersion,
    int AdministratorId, int LockedUserId, int LockedUserVersion, int PlainUserId, int PlainUserVersion,
    int ShipToId, int ShipToVersion, int OrderLockId,
    int OpenOrderId, string OpenOrderNumber, int OpenOrderVersion, int DeliveredOrderId, string DeliveredOrderNumber, int DeliveredLineId,
    int ReceivedSlipId, int ReceivedSlipVersion, int ArrangedSlipId, int ArrangedSlipVersion, int ArrangedSlipLineId,
    int InspectedSlipId, int InspectedSlipVersion, int CreditedSlipId, int CreditedSlipVersion,
    int UserAccountId, int UserAccountVersion, int DepartmentAccountId, int PrizeId, int PrizeVersion,
    int ReceivedApplicationId, int ReceivedApplicationVersion, int ArrangedApplicationId, int ArrangedApplicationVersion,
    int ShippedApplicationId, int ShippedApplicationVersion, int BalanceRequestId, int BalanceRequestVersion,
    int ClosureId, int ClosureVersion, int RegionId, int RegionVersion);

/// <summary>The staff accounts an administrator manages in the matrix, with the versions the screen saw.</summary>
public sealed record MatrixStaffIds(string TargetId, string TargetVersion, string DisabledId, string DisabledVersion, string LockedId,
    string LockedVersion,
    string AdministratorVersion);

public sealed record MatrixOtherIds(int CustomerId, int DepartmentId, int AdministratorVersion);

/// <summary>Dealer B's order whose only line waits for stock (入荷待ち).</summary>
public sealed record MatrixBackOrder(int OrderId, int Version, int LineNumber);

/// <summary>Dealer B's order whose only shipment is a special order without a date (お届け日未定).</summary>
public sealed record MatrixSpecialOrder(int OrderId, int Version, int ShipmentId);

/// <summary>
/// The fixture's FAXes: <see cref="NewId"/> (uploaded as <see cref="NewFileName"/>, not claimed), the one each of desk agent,
/// supervisor and administrator holds (by staff id), the one <see cref="MatrixDatabase.Colleague"/> holds, and the
/// quarantined file's issue.
/// </summary>
public sealed record MatrixFaxIds(int NewId, string NewFileName, IReadOnlyDictionary<string, int> HeldBy, int HeldByColleagueId,
    int IssueId);
