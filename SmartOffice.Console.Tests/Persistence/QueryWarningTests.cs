using Microsoft.EntityFrameworkCore;
using SmartOffice.Console.Tests.FaxInbox;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Persistence;

/// <summary>
/// EF's query warnings are errors in every test database (<see cref="TestDatabase.QueryWarnings"/>): a query that reads two
/// collections in one SQL statement (rows multiplied, QuerySplittingBehavior) or limits rows without an order (any rows)
/// throws. These are the two the desk's log showed: the order correction and the FAX upload.
/// </summary>
public sealed class QueryWarningTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = TestDatabase.JapanTime(2026, 11, 25, 10, 0);
    private readonly TestDatabase _database = new(Morning);
    private readonly FaxFolders _folders = new();
    private Department _department = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
    }

    public async Task DisposeAsync()
    {
        _folders.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_order_correction_reads_the_lines_and_shipments_without_a_multiplied_single_query()
    {
        var service = _database.FaxOrders();
        FaxOrderDraft Draft(string quantity) =>
            new(_department.CustomerId, _department.Id, null, Morning, null, [Line(Pen, quantity), Line(Tea, "1")]);
        var saved = await service.SaveAsync(new FaxOrderSaveRequest(Draft("3"), Guid.NewGuid()));
        int version;
        await using (var db = _database.CreateDbContext())
            version = await db.Orders.Where(o => o.Id == saved.OrderId).Select(o => o.Version).SingleAsync();

        var corrected = await service.CorrectAsync(new FaxOrderCorrection(saved.OrderId!.Value, version, Draft("5"), "数量の読み違い"));

        Assert.Equal(saved.OrderId, corrected.OrderId);
    }

    [Fact]
    public async Task A_FAX_upload_matches_its_sender_without_limiting_unordered_rows()
    {
        var inbox = _database.Inbox(TestStaff.DeskAgent, _folders.Options());

        var id = await inbox.UploadAsync(new FaxUpload("注文書.pdf", FaxFiles.Pdf(), Morning.AddMinutes(-30), "03-1111-3333"));

        Assert.Equal(_department.CustomerId, (await _database.ItemAsync(id)).CustomerId);
    }
}
