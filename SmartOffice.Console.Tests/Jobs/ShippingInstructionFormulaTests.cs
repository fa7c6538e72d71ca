using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Staff;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Reporting;

namespace SmartOffice.Console.Tests.Jobs;

/// <summary>
/// 出荷指示 CSV (ASVS 1.2.10, CSV/formula injection): what staff type — a company registered as ＝HYPERLINK(…), a ship-to,
/// its address, a department, a line comment — reaches the warehouse's Excel as text, never as a formula. The hostile text
/// goes in through the services the pages use, the cutoff job writes the file, and every cell of it is read back.
/// </summary>
public sealed class ShippingInstructionFormulaTests : IAsyncLifetime
{
    private const string Company = "＝HYPERLINK(\"http://evil.example/\",\"請求書\")";
    private readonly TestDatabase _database = new(TestDatabase.JapanTime(2026, 11, 25, 10, 0));
    private string Outbox => Path.Combine(_database.Folder, "outbox");

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        await _database.AddCustomerAsync("D1", "10000001");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Typed_text_that_Excel_would_read_as_a_formula_arrives_as_text()
    {
        await using var services = MatrixDatabase.Services(_database, TestStaff.Supervisor);
        T Get<T>() where T : notnull => services.GetRequiredService<T>();
        var requester = new ChangeRequester("山田 花子", RequestChannel.Phone);
        var regionId = (await Get<CustomerRegistrationService>().ChoicesAsync()).Regions[0].Id;
        var dealerId = (await Get<CustomerRegistrationService>().ChoicesAsync()).Dealers[0].Id;
        var registered = await Get<CustomerRegistrationService>()
            .RegisterAsync(new(Company, "エビル", "100-0001", "東京都千代田区1-1", "03-5555-6666",
            null, regionId, dealerId, "－経理部", "山田 花子", null, true, requester));
        var customerId = registered.CustomerId!.Value;
        var shipTo = await Get<CustomerAccountService>().SaveShipToAsync(new(customerId, null, 0, "@SUM(1+1)*cmd|' /C calc'!A0", "530-0001",
            "-2+3 大阪府", null, requester));
        var account = await Get<CustomerAccountService>().GetAsync(customerId);
        var draft = new FaxOrderDraft(customerId, account.Departments[0].Id, shipTo, _database.Clock.GetUtcNow().AddHours(-1), null,
            [OrderingTestData.Line(OrderingTestData.Pen, "3", "=1+2"), OrderingTestData.Line(OrderingTestData.Tea, "2", "＋受付 山田")]);
        var saved = await Get<FaxOrderService>().SaveAsync(new(draft, Guid.NewGuid()));
        Assert.NotNull(saved.OrderId);

        _database.Clock.SetUtcNow(TestDatabase.JapanTime(2026, 11, 25, 17, 40));
        var run = await _database.CutoffService(JobsTestData.Options(Outbox)).RunAsync("cutoff-fax-Honshu", JobRunTrigger.Schedule);
        Assert.Equal(JobRunOutcome.Completed, run.Outcome);

        var rows = Directory.GetFiles(Outbox, "*.csv").SelectMany(f => File.ReadAllLines(f).Skip(1)).Select(Cells).ToList();
        Assert.Equal(2, rows.Count);
        var formulas = rows.SelectMany(r => r).Where(ExportCells.LooksLikeFormula).ToList();
        Assert.True(formulas.Count == 0, "cells Excel would evaluate: " + string.Join(" | ", formulas));
        // Neutralised, not lost: each keeps its text after the apostrophe that makes it text.
        var cells = rows.SelectMany(r => r).ToHashSet();
        Assert.Contains("'=HYPERLINK(\"http://evil.example/\",\"請求書\")", cells);
        Assert.Contains("'-経理部", cells);
        Assert.Contains("'@SUM(1+1)*cmd|' /C calc'!A0", cells);
        Assert.Contains("'-2+3 大阪府", cells);
        Assert.Contains("'=1+2", cells);
        Assert.Contains("'＋受付 山田", cells);
    }

    /// <summary>The cells of one CSV row: every field quoted, "" inside a field for a quote.</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
                cell.Append(line[++i]);
            else if (line[i] == '"')
                quoted = !quoted;
            else if (line[i] == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
                cell.Append(line[i]);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
