using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Returns;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Warehouse;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;
using static SmartOffice.Console.Tests.Warehouse.WarehouseTestData;

namespace SmartOffice.Console.Tests.Warehouse;

/// <summary>
/// 配達完了 and what hangs on it: the job delivers each shipped part on its own date, idempotently; the desk corrects a
/// delivery date with a reason and an audit entry; a return counts its window from the delivered date of the part.
/// </summary>
public sealed class DeliveryJobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Received = TestDatabase.JapanTime(2026, 11, 25, 10, 0);
    private readonly TestDatabase _database = new(TestDatabase.JapanTime(2026, 11, 26, 10, 0));
    private Department _department = default!;
    private Order _order = default!;
    private int _shipment;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedCatalogAsync();
        _department = await _database.AddCustomerAsync("D1", "10000013");
        _order = await _database.AddInstructedOrderAsync(_department, Received, (Pen, 10));
        _shipment = _order.Shipments.Single().Id;
        // Two parts: 4 by the planned date (26 Nov), 6 with the carrier's date 30 Nov.
        _database.DropResults("R1.csv", [
            Row(_shipment, 1, 4, "2026/11/25", "N0001", tracking: "T1"),
            Row(_shipment, 1, 6, "2026/11/26", "N0002", tracking: "T2", delivery: "2026/11/30"),
        ]);
        Assert.Equal(1, await _database.Import().ScanAsync(waitForStableFiles: false));
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private DeliveryJobService Job => new(_database, _database.BusinessClock);

    private async Task<(int Delivered, ShipmentStatus Status, List<DateOnly?> DeliveredOn)> StateAsync()
    {
        await using var db = _database.CreateDbContext();
        return (await db.OrderLines.Where(l => l.OrderId == _order.Id).Select(l => l.DeliveredQuantity).SingleAsync(),
            await db.Shipments.Where(s => s.Id == _shipment).Select(s => s.Status).SingleAsync(),
            await db.ShipmentResults.OrderBy(r => r.Id).Select(r => r.DeliveredOn).ToListAsync());
    }

    [Fact]
    public async Task Each_part_is_delivered_on_its_own_date_and_a_second_run_changes_nothing()
    {
        var first = await Job.RunAsync(JobRunTrigger.Schedule);
        Assert.Equal((JobRunOutcome.Completed, 1), (first.Outcome, first.Items));
        var afterFirst = await StateAsync();
        Assert.Equal((4, ShipmentStatus.Shipped), (afterFirst.Delivered, afterFirst.Status));
        Assert.Equal([new DateOnly(2026, 11, 26), null], afterFirst.DeliveredOn);

        Assert.Equal(JobRunOutcome.NothingToDo, (await Job.RunAsync(JobRunTrigger.Manual)).Outcome);

        // A missed run caught up days later delivers on the carrier's date, not on the day it runs.
        _database.Clock.SetUtcNow(TestDatabase.JapanTime(2026, 12, 3, 0, 20));
        Assert.Equal(JobRunOutcome.Completed, (await Job.RunAsync(JobRunTrigger.Misfire)).Outcome);
        var (delivered, status, on) = await StateAsync();
        Assert.Equal((10, ShipmentStatus.Delivered), (delivered, status));
        Assert.Equal([new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 30)], on);
        Assert.Equal(JobRunOutcome.NothingToDo, (await Job.RunAsync(JobRunTrigger.Schedule)).Outcome);
    }

    [Fact]
    public async Task A_run_of_the_app_wired_job_is_counted_in_the_consoles_job_meter_as_the_other_jobs_are()
    {
        // docs/performance.md: smartoffice.job.runs counts every scheduled job's runs (the jobs page's rows).
        var services = new ServiceCollection().AddMetrics();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_database.Clock);
        services.AddSmartOfficeDomain(new ConfigurationBuilder().Build(), _database.Folder);
        services.AddSingleton<IDbContextFactory<SmartOfficeDbContext>>(_database);
        await using var provider = services.BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        var runs = new System.Collections.Concurrent.ConcurrentQueue<string?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "smartoffice.job.runs")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            runs.Enqueue(tags.ToArray().FirstOrDefault(t => t.Key == "job").Value?.ToString()));
        listener.Start();

        await provider.GetRequiredService<DeliveryJobService>().RunAsync(JobRunTrigger.Schedule);

        Assert.Equal([DeliveryJobService.JobName], runs);
    }

    [Fact]
    public async Task A_return_counts_its_window_from_the_delivered_date_of_each_part()
    {
        _database.Clock.SetUtcNow(TestDatabase.JapanTime(2026, 12, 1, 10, 0));
        await Job.RunAsync(JobRunTrigger.Schedule);
        // 26 Nov + 90 days = 24 Feb for the first part; 30 Nov + 90 = 28 Feb for the second.
        _database.Clock.SetUtcNow(TestDatabase.JapanTime(2027, 2, 26, 10, 0));
        var returns = _database.Returns(TestStaff.DeskAgent);
        var lineId = (await returns.GetOrderAsync(_order.Id)).Lines.Single().OrderLineId;
        ReturnSlipInput Form(int quantity) => new(_order.Id, "10000013", null,
            [new ReturnLineInput(lineId, quantity, ReturnReason.ImageDiffers, true, null)]);

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => returns.CreateAsync(Form(7)));
        Assert.Equal("Returns.QuantityAboveReturnable", error.Key);
        var slip = await returns.CreateAsync(Form(6));
        Assert.Equal(6, slip.Quantity);

        _database.Clock.SetUtcNow(TestDatabase.JapanTime(2027, 3, 1, 10, 0));
        error = await Assert.ThrowsAsync<BusinessRuleException>(() => returns.CreateAsync(Form(1)));
        Assert.Equal("Returns.TooLate", error.Key);
    }

    [Fact]
    public async Task The_order_page_shows_each_part_with_its_slip_and_dates_and_the_returns_against_the_shipment()
    {
        _database.Clock.SetUtcNow(TestDatabase.JapanTime(2026, 11, 27, 10, 0));
        await Job.RunAsync(JobRunTrigger.Schedule);
        var returns = _database.Returns(TestStaff.DeskAgent);
        var lineId = (await returns.GetOrderAsync(_order.Id)).Lines.Single().OrderLineId;
        var slip = await returns.CreateAsync(
            new(_order.Id, "10000013", null, [new ReturnLineInput(lineId, 2, ReturnReason.ImageDiffers, true, null)]));

        var view = Assert.Single(await new OrderShipmentsService(_database, TestStaff.DeskAgent).GetAsync(_order.Id));
        Assert.Equal((_shipment, ShipmentStatus.Shipped), (view.ShipmentId, view.Status));
        var line = Assert.Single(view.Lines);
        Assert.Equal((10, 10, 4), (line.Ordered, line.Shipped, line.Delivered));
        Assert.Equal([("N0001", "T1", 4, (DateOnly?)new DateOnly(2026, 11, 26), (DateOnly?)new DateOnly(2026, 11, 26)),
                      ("N0002", "T2", 6, new DateOnly(2026, 11, 30), null)],
            view.Parts.Select(p => (p.DeliverySlipNumber, p.TrackingNumber, p.Quantity, p.DeliveryDate, p.DeliveredOn)));
        var returned = Assert.Single(view.Returns);
        Assert.Equal((slip.SlipNumber, 1, 2, ReturnSlipStatus.Received),
            (returned.SlipNumber, returned.LineNumber, returned.Quantity, returned.Status));

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            new OrderShipmentsService(_database, TestStaff.DealerRep(999)).GetAsync(_order.Id));
    }

    [Fact]
    public async Task The_desk_corrects_a_delivery_date_with_a_reason_and_an_audit_entry()
    {
        await Job.RunAsync(JobRunTrigger.Schedule);
        await using var db = _database.CreateDbContext();
        var part = await db.ShipmentResults.AsNoTracking().OrderBy(r => r.Id).FirstAsync();
        var service = new DeliveryDateService(_database, TestStaff.DeskAgent, _database.Clock, _database.BusinessClock);

        var noReason = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            service.CorrectAsync(part.Id, part.Version, new DateOnly(2026, 11, 25), " "));
        Assert.Equal("Warehouse.Delivery.ReasonRequired", noReason.Key);
        var early = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            service.CorrectAsync(part.Id, part.Version, new DateOnly(2026, 11, 24), "運送会社の連絡"));
        Assert.Equal("Warehouse.Delivery.BeforeShipped", early.Key);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            new DeliveryDateService(_database, TestStaff.DealerRep(1), _database.Clock, _database.BusinessClock)
                .CorrectAsync(part.Id, part.Version, new DateOnly(2026, 11, 25), "運送会社の連絡"));

        // Put later: the part is no longer delivered.
        await service.CorrectAsync(part.Id, part.Version, new DateOnly(2026, 11, 27), "お客様より不在のため翌日受取と連絡");
        var corrected = await StateAsync();
        Assert.Equal(0, corrected.Delivered);
        Assert.Equal([null, null], corrected.DeliveredOn);
        var stale = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            service.CorrectAsync(part.Id, part.Version, new DateOnly(2026, 11, 25), "x"));
        Assert.Equal("Warehouse.Delivery.Changed", stale.Key);

        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "Warehouse.DeliveryDateCorrected");
        Assert.Equal("お客様より不在のため翌日受取と連絡", entry.Note);
        Assert.Contains("2026-11-27", entry.After);
    }
}
