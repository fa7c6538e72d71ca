using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.Support.TestDatabase;

namespace SmartOffice.Console.Tests.Reporting;

/// <summary>The eco report and the operations reports on a small, explicit database.</summary>
public sealed class ReportServicesTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new(JapanTime(2026, 11, 25, 10, 0));
    private Department _general = null!;
    private Department _sales = null!;
    private int _dealerA;
    private readonly OperationsRange _november = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 25));

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _general = await _database.AddCustomerAsync("A", "C001");
        await using (var db = _database.CreateDbContext())
        {
            _sales = new Department { CustomerId = _general.CustomerId, Code = "02", Name = "営業部", PostalCode = "100-0001",
                Address = "東京都" };
            db.Departments.Add(_sales);
            await db.SaveChangesAsync();
            _dealerA = db.Customers.Single(c => c.Id == _general.CustomerId).DealerId;
        }
        var eco = await _database.AddProductAsync("E-1", "再生紙コピー用紙", "エコ製紙", eco: true, price: 500);
        var plain = await _database.AddProductAsync("N-1", "ボールペン", "文具社", eco: false, price: 100, category: "筆記具");
        // October: 1,000 eco of 1,500 (general). November, sales: 1,000 eco of 2,100 (FAX and web); the voided order never counts.
        await _database.AddOrderWithLinesAsync(_general, JapanTime(2026, 10, 5, 9, 0), "F1", [(eco, 2, null), (plain, 5, null)],
            keyedAt: JapanTime(2026, 10, 5, 9, 10), keyedBy: "desk-a");
        await _database.AddOrderWithLinesAsync(_sales, JapanTime(2026, 11, 2, 16, 30), "F2", [(eco, 1, null), (plain, 10, null)],
            keyedAt: JapanTime(2026, 11, 2, 16, 50), keyedBy: "desk-a");
        await _database.AddOrderWithLinesAsync(_sales, JapanTime(2026, 11, 3, 17, 20), "F3", [(eco, 1, null)],
            keyedAt: JapanTime(2026, 11, 3, 19, 40), keyedBy: "desk-b");
        await _database.AddOrderWithLinesAsync(_sales, JapanTime(2026, 11, 4, 9, 0), "F4", [(eco, 9, null)], OrderStatus.Voided);
        await _database.AddOrderWithLinesAsync(_sales, JapanTime(2026, 11, 4, 11, 0), "W1", [(plain, 1, null)], channel: OrderChannel.Web);

        await using var data = _database.CreateDbContext();
        var f2 = data.Orders.Single(o => o.OrderNumber == "F2");
        var f2Line = data.OrderLines.Single(l => l.OrderId == f2.Id && l.ProductCode == "N-1");
        var slip = ReturnSlip.Keyed(0, "R1", f2Line.OrderId, _general.CustomerId, new DateOnly(2026, 11, 10),
            JapanTime(2026, 11, 10, 10, 0), "desk-a");
        slip.AddLine(f2Line.Id, 3, ReturnReason.OrderedByMistake, unopened: false, note: null);
        data.ReturnSlips.Add(slip);
        var account = new PointAccount { DepartmentId = _general.Id };
        data.PointAccounts.Add(account);
        await data.SaveChangesAsync();
        data.PointLots.AddRange(
            new PointLot { PointAccountId = account.Id, Points = 100, Remaining = 40, EarnedOn = new(2025, 11, 3),
                ValidThrough = new(2026, 11, 30) },
            new PointLot { PointAccountId = account.Id, Points = 70, Remaining = 70, EarnedOn = new(2026, 1, 3),
                ValidThrough = new(2027, 1, 31) },
            new PointLot { PointAccountId = account.Id, Points = 50, Remaining = 0, EarnedOn = new(2026, 2, 3),
                ValidThrough = new(2027, 2, 28) },
            new PointLot { PointAccountId = account.Id, Points = 30, Remaining = 30, EarnedOn = new(2025, 9, 3),
                ValidThrough = new(2026, 9, 30) });
        var prize = new Prize { Code = "PZ1", Name = "マグカップ", PointCost = 100, ActiveFrom = new(2026, 1, 1) };
        data.Prizes.Add(prize);
        await data.SaveChangesAsync();
        var shipped = PrizeApplication.Keyed(0, "A3", account.Id, prize.Id, 1, 100, OrderChannel.Fax, JapanTime(2026, 10, 1, 9, 0));
        shipped.Arrange(JapanTime(2026, 10, 1, 10, 0));
        shipped.Ship(JapanTime(2026, 10, 2, 10, 0), "ヤマト運輸", "T-A3");
        data.PrizeApplications.AddRange(
            PrizeApplication.Keyed(0, "A1", account.Id, prize.Id, 1, 100, OrderChannel.Fax, JapanTime(2026, 11, 24, 9, 0)),
            PrizeApplication.Keyed(0, "A2", account.Id, prize.Id, 2, 200, OrderChannel.Fax, JapanTime(2026, 10, 1, 9, 0)),
            shipped);
        await data.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private EcoReportService Eco(ICurrentStaff staff) => new(_database, staff, _database.BusinessClock);

    private OperationsReportService Operations(ICurrentStaff staff) => new(_database, staff, _database.BusinessClock);

    [Fact]
    public async Task The_eco_report_gives_the_eco_share_of_spend_by_month_and_department()
    {
        var report = await Eco(TestStaff.DeskAgent)
            .GetAsync(new EcoReportQuery(_general.CustomerId, null, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)));

        Assert.Equal([new EcoMonth(new(2026, 10, 1), 1500, 1000), new EcoMonth(new(2026, 11, 1), 2100, 1000)], report.Months);
        Assert.Equal(0.6667m, report.Months[0].Share);
        Assert.Equal([("01", 1500L, 1000L), ("02", 2100L, 1000L)], report.Departments.Select(d => (d.Code, d.Spend, d.EcoSpend)));
        Assert.Equal(0.5556m, report.Share);

        var sales = await Eco(TestStaff.DeskAgent)
            .GetAsync(new EcoReportQuery(_general.CustomerId, _sales.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)));
        Assert.Equal([0L, 2100L], sales.Months.Select(m => m.Spend));
        Assert.Equal(["02"], sales.Departments.Select(d => d.Code));
    }

    [Fact]
    public async Task The_eco_report_respects_dealer_scope()
    {
        var other = await _database.AddCustomerAsync("B", "C002");
        var query = new EcoReportQuery(other.CustomerId, null, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Eco(TestStaff.DealerRep(_dealerA)).GetAsync(query));
        Assert.NotNull(await Eco(TestStaff.DealerRep(_dealerA)).GetAsync(query with { CustomerId = _general.CustomerId }));
    }

    [Fact]
    public async Task FAX_orders_by_hour_split_at_the_region_cutoff()
    {
        var table = await Operations(TestStaff.Supervisor).FaxOrdersByHourAsync(_november);

        Assert.Equal(24, table.Rows.Count);
        // Honshu FAX cutoff 17:00: 16:30 before, 17:20 after; the voided FAX and the web order do not count.
        Assert.Equal(["16:00", 1, 1, 0], table.Rows[16]);
        Assert.Equal(["17:00", 1, 0, 1], table.Rows[17]);
        Assert.Equal(2, table.Rows.Sum(r => (int)r[1]!));
    }

    [Fact]
    public async Task Keying_lead_time_and_orders_per_agent()
    {
        var lead = await Operations(TestStaff.Supervisor).KeyingLeadTimeAsync(_november);
        var agents = await Operations(TestStaff.Supervisor)
            .OrdersPerAgentAsync(new OperationsRange(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 25)));

        // 20 minutes → 15–30; 140 minutes → 120–240.
        Assert.Equal([0, 1, 0, 0, 1, 0], lead.Rows.Select(r => (int)r[1]!));
        Assert.Equal(["Lead.0", "Lead.1", "Lead.2", "Lead.3", "Lead.4", "Lead.5"], lead.Rows.Select(r => (string)r[0]!));
        Assert.Equal(["desk-a", 2, 15, 15.0m], agents.Rows[0]);
        Assert.Equal(["desk-b", 1, 140, 140.0m], agents.Rows[1]);
    }

    [Fact]
    public async Task Returns_lockouts_point_liability_and_prize_backlog()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.WebUsers.Add(new WebUser { DepartmentId = _general.Id, UserId = "u1", Name = "山田", PasswordHash = "x",
                LockedAt = JapanTime(2026, 11, 20, 9, 0) });
            db.AuditEntries.Add(AuditTrail.Entry(TestStaff.DeskAgent, _database.Clock, "Accounts.WebUserUnlocked", "WebUser", "u2",
                new { LockedAt = (DateTimeOffset?)JapanTime(2026, 11, 24, 23, 0), FailedPasswordCount = 10 },
                    new { LockedAt = (DateTimeOffset?)null }));
            await db.SaveChangesAsync();
        }
        var service = Operations(TestStaff.Supervisor);

        var returns = await service.ReturnsByReasonAsync(_november);
        Assert.Equal(["Reason.OrderedByMistake", "筆記具", 1, 3, 300L], returns.Rows.Single());

        var lockouts = await service.LockoutsAsync(_november);
        Assert.Equal(25, lockouts.Rows.Count);
        Assert.Equal([new DateOnly(2026, 11, 20), 1, 0], lockouts.Rows[19]);
        // Locked on the 24th (Japan), unlocked on the 25th (the fake clock's now).
        Assert.Equal([new DateOnly(2026, 11, 24), 1, 0], lockouts.Rows[23]);
        Assert.Equal([new DateOnly(2026, 11, 25), 0, 1], lockouts.Rows[24]);

        var liability = await service.PointLiabilityAsync();
        Assert.Equal([["2026/11", 40L, 1], ["2027/01", 70L, 1]], liability.Rows);

        var backlog = await service.PrizeBacklogAsync();
        Assert.Equal([[ "Age.0", 1, 100L], ["Age.1", 0, 0L], ["Age.2", 0, 0L], ["Age.3", 1, 200L]], backlog.Rows);
    }

    [Fact]
    public async Task Operations_reports_are_for_supervisors_and_refuse_inverted_or_long_ranges()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Operations(TestStaff.DeskAgent).AllAsync(_november));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Operations(TestStaff.DealerRep(_dealerA)).PointLiabilityAsync());
        var inverted = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Operations(TestStaff.Supervisor).LockoutsAsync(new(new(2026, 11, 2), new(2026, 11, 1))));
        Assert.Equal("Reporting.RangeInverted", inverted.Key);
        var tooLong = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Operations(TestStaff.Supervisor).LockoutsAsync(new(new(2025, 1, 1), new(2026, 11, 1))));
        Assert.Equal("Reporting.RangeTooLong", tooLong.Key);
        Assert.Equal(7, (await Operations(TestStaff.Administrator).AllAsync(_november)).Count);
    }

    [Fact]
    public async Task A_report_workbook_reads_back_with_translated_headers_and_number_formats()
    {
        var tables = await Operations(TestStaff.Supervisor).AllAsync(_november);
        var eco = await Eco(TestStaff.Supervisor)
            .GetAsync(new EcoReportQuery(_general.CustomerId, null, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)));
        using var output = new MemoryStream();

        ReportWorkbook.Write(output, [eco.MonthTable(), tables[3]], key => key switch
        {
            "Eco.ByMonth" => "月別", "Ops.Returns" => "返品", "Col.Month" => "月", "Reason.OrderedByMistake" => "注文間違い", _ => key,
        });

        using var document = SpreadsheetDocument.Open(new MemoryStream(output.ToArray()), false);
        var sheets = document.WorkbookPart!.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["月別", "返品"], sheets);
        var shared = document.WorkbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText)
            .ToList() ?? [];
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text)]
            : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        var monthRows = ((WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Descendants<Sheet>().First().Id!))
            .Worksheet.Descendants<Row>().ToList();
        Assert.Equal("月", Text(monthRows[0].Elements<Cell>().First()));
        Assert.Equal(["2026/10", "1500", "1000"], monthRows[1].Elements<Cell>().Take(3).Select(Text));
        var returnRows = ((WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Descendants<Sheet>().Last().Id!))
            .Worksheet.Descendants<Row>().ToList();
        Assert.Equal("注文間違い", Text(returnRows[1].Elements<Cell>().First()));
        var formats = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Select(f => f.FormatCode!.Value).ToList();
        Assert.Contains(formats, f => f!.Contains('¥'));
        Assert.Contains("0.0%", formats);
    }
}
