using System.Text;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Jobs;

public sealed class CutoffBatchServiceTests : IAsyncLifetime
{
    private const string FaxHonshu = "cutoff-fax-Honshu";
    private readonly TestDatabase _database = new(TestDatabase.JapanTime(2026, 11, 25, 10, 0));
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "smartoffice-tests", "outbox-" + Guid.NewGuid().ToString("N"));
    private Department _department = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _department = await _database.AddCustomerAsync("D1", "100001");
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_outbox))
            Directory.Delete(_outbox, recursive: true);
    }

    private CutoffBatchService Service() => _database.CutoffService(JobsTestData.Options(_outbox));

    private void At(int day, int hour, int minute) => _database.Clock.SetUtcNow(TestDatabase.JapanTime(2026, 11, day, hour, minute));

    private static DateOnly Nov(int day) => new(2026, 11, day);

    [Fact]
    public async Task After_downtime_the_catch_up_closes_every_missed_acceptance_day_once_and_skips_the_holiday()
    {
        // Open since Thursday 19th; Monday 23rd is 勤労感謝の日. The console comes back Wednesday 25th at 10:00.
        var shipments = new List<Shipment>();
        foreach (var day in new[] { 19, 20, 21, 24 })
            shipments.Add(await _database.AddOpenShipmentAsync(_department, OrderChannel.Fax, Nov(day)));

        var run = await Service().RunAsync(FaxHonshu, JobRunTrigger.Misfire);

        var batches = await _database.BatchesAsync(FaxHonshu);
        // The window starts on the 18th (7 days back): every acceptance day up to yesterday, none for Sunday 22nd or the holiday.
        Assert.Equal([Nov(18), Nov(19), Nov(20), Nov(21), Nov(24)], batches.Select(b => b.AcceptanceDay));
        Assert.Equal([0, 1, 1, 1, 1], batches.Select(b => b.ShipmentCount));
        Assert.Equal((JobRunOutcome.Completed, 5, 4), (run.Outcome, run.Batches, run.Items));
        foreach (var shipment in shipments)
        {
            var closed = await _database.ShipmentAsync(shipment.Id);
            Assert.Equal(ShipmentStatus.Instructed, closed.Status);
            Assert.Equal(batches.Single(b => b.AcceptanceDay == shipment.AcceptanceDay).Id, closed.CutoffBatchId);
        }
        Assert.Equal(5, Directory.GetFiles(_outbox, "*.csv").Length);
        Assert.Empty(Directory.GetFiles(_outbox, "*.tmp"));
    }

    [Fact]
    public async Task A_second_run_for_the_same_day_changes_nothing_and_says_so()
    {
        await _database.AddOpenShipmentAsync(_department, OrderChannel.Fax, Nov(25));
        At(25, 17, 30);
        var first = await Service().RunAsync(FaxHonshu, JobRunTrigger.Schedule);
        var files = Directory.GetFiles(_outbox).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var second = await Service().RunAsync(FaxHonshu, JobRunTrigger.Manual);

        Assert.Equal(JobRunOutcome.Completed, first.Outcome);
        Assert.Equal((JobRunOutcome.NothingToDo, 0, 0), (second.Outcome, second.Batches, second.Items));
        Assert.Equal(files, Directory.GetFiles(_outbox).ToDictionary(f => f, File.GetLastWriteTimeUtc));
        Assert.Equal(6, (await _database.BatchesAsync(FaxHonshu)).Count);
    }

    [Fact]
    public async Task Two_runs_started_at_once_produce_one_batch_and_one_instruction_per_day()
    {
        await _database.AddOpenShipmentAsync(_department, OrderChannel.Fax, Nov(24));
        await _database.AddOpenShipmentAsync(_department, OrderChannel.Fax, Nov(25));
        At(25, 17, 30);

        var runs = await Task.WhenAll(Enumerable.Range(0, 2)
            .Select(_ => Task.Run(() => Service().RunAsync(FaxHonshu, JobRunTrigger.Schedule))));

        var batches = await _database.BatchesAsync(FaxHonshu);
        Assert.Equal(6, batches.Count);
        Assert.Equal(batches.Count, batches.Select(b => b.AcceptanceDay).Distinct().Count());
        Assert.Equal(6, runs.Sum(r => r.Batches));
        Assert.Equal(2, runs.Sum(r => r.Items));
        Assert.Equal(6, Directory.GetFiles(_outbox, "*.csv").Length);
    }

    [Fact]
    public async Task The_FAX_batch_waits_for_the_keying_grace_and_a_FAX_keyed_after_it_goes_with_the_next_batch()
    {
        await _database.AddOpenShipmentAsync(_department, OrderChannel.Fax, Nov(24));
        At(25, 17, 29);
        await Service().RunAsync(FaxHonshu, JobRunTrigger.Schedule);
        Assert.DoesNotContain(Nov(25), (await _database.BatchesAsync(FaxHonshu)).Select(b => b.AcceptanceDay));

        At(25, 17, 30);
        await Service().RunAsync(FaxHonshu, JobRunTrigger.Schedule);
        // Received 16:55 on the 25th, keyed 17:40 after its batch closed: the 26th's batch takes it.
        At(25, 17, 40);
        var late = await _database.AddOpenShipmentAsync(_department, OrderChannel.Fax, Nov(25));
        At(26, 17, 30);
        await Service().RunAsync(FaxHonshu, JobRunTrigger.Schedule);

        var batches = await _database.BatchesAsync(FaxHonshu);
        Assert.Equal(batches.Single(b => b.AcceptanceDay == Nov(26)).Id, (await _database.ShipmentAsync(late.Id)).CutoffBatchId);
    }

    [Fact]
    public async Task A_holiday_added_by_a_supervisor_stops_that_days_cutoff()
    {
        var shipment = await _database.AddOpenShipmentAsync(_department, OrderChannel.Fax, Nov(25));
        var calendar = new BusinessCalendarService(_database, TestStaff.Supervisor, _database.Clock, _database.Calendar, _database.Rules,
            new SchedulingChanges());
        await calendar.AddClosureAsync(Nov(25), "臨時休業");
        At(25, 18, 0);

        var run = await Service().RunAsync(FaxHonshu, JobRunTrigger.Schedule);

        Assert.Equal(JobRunOutcome.Skipped, (await Service().RunAsync(FaxHonshu, JobRunTrigger.Schedule)).Outcome);
        Assert.DoesNotContain(Nov(25), (await _database.BatchesAsync(FaxHonshu)).Select(b => b.AcceptanceDay));
        Assert.Equal(ShipmentStatus.Open, (await _database.ShipmentAsync(shipment.Id)).Status);
        Assert.Equal(5, run.Batches);
    }

    [Fact]
    public async Task Each_cutoff_takes_only_its_own_shipments()
    {
        await using (var db = _database.CreateDbContext())
        {
            var other = db.Regions.Single(r => r.Code == "Hokkaido");
            db.Customers.Single(c => c.Id == _department.CustomerId).RegionId = other.Id;
            await db.SaveChangesAsync();
        }
        var hokkaidoFax = await _database.AddOpenShipmentAsync(_department, OrderChannel.Fax, Nov(25));
        var hokkaidoWeb = await _database.AddOpenShipmentAsync(_department, OrderChannel.Web, Nov(25));
        var furnitureByWeb = await _database.AddOpenShipmentAsync(_department, OrderChannel.Web, Nov(25), DeliveryClass.Furniture);
        At(25, 18, 0);

        foreach (var job in new[] { FaxHonshu, "cutoff-fax-Hokkaido", "cutoff-web-Hokkaido", "cutoff-furniture" })
            await Service().RunAsync(job, JobRunTrigger.Schedule);

        var all = new List<CutoffBatch>();
        foreach (var job in new[] { FaxHonshu, "cutoff-fax-Hokkaido", "cutoff-web-Hokkaido", "cutoff-furniture" })
            all.AddRange(await _database.BatchesAsync(job));
        async Task<string> BatchOf(Shipment s)
        {
            var batchId = (await _database.ShipmentAsync(s.Id)).CutoffBatchId;
            return all.Single(b => b.Id == batchId).BatchKey;
        }
        Assert.Equal("cutoff-fax-Hokkaido", await BatchOf(hokkaidoFax));
        Assert.Equal("cutoff-web-Hokkaido", await BatchOf(hokkaidoWeb));
        Assert.Equal("cutoff-furniture", await BatchOf(furnitureByWeb));
        Assert.All(await _database.BatchesAsync(FaxHonshu), b => Assert.Equal(0, b.ShipmentCount));
    }

    [Fact]
    public async Task A_run_that_could_not_write_its_file_leaves_the_batch_closed_and_the_next_run_writes_it()
    {
        var shipment = await _database.AddOpenShipmentAsync(_department, OrderChannel.Fax, Nov(25));
        At(25, 17, 30);
        Directory.CreateDirectory(Path.GetDirectoryName(_outbox)!);
        await File.WriteAllTextAsync(_outbox, "not a folder");

        var failed = await Service().RunAsync(FaxHonshu, JobRunTrigger.Schedule);

        Assert.Equal(JobRunOutcome.Failed, failed.Outcome);
        var pending = (await _database.BatchesAsync(FaxHonshu)).Single(b => b.AcceptanceDay == Nov(25));
        Assert.Null(pending.InstructionWrittenAt);
        Assert.Equal(ShipmentStatus.Instructed, (await _database.ShipmentAsync(shipment.Id)).Status);

        File.Delete(_outbox);
        var resumed = await Service().RunAsync(FaxHonshu, JobRunTrigger.Schedule);

        Assert.Equal((JobRunOutcome.Completed, 0), (resumed.Outcome, resumed.Batches));
        var written = (await _database.BatchesAsync(FaxHonshu)).Single(b => b.AcceptanceDay == Nov(25));
        Assert.NotNull(written.InstructionWrittenAt);
        Assert.True(File.Exists(Path.Combine(_outbox, written.InstructionFile!)));
    }

    [Fact]
    public async Task The_shipping_instruction_is_a_UTF8_CSV_with_one_row_per_order_line()
    {
        var shipment = await _database.AddOpenShipmentAsync(_department, OrderChannel.Fax, Nov(25));
        At(25, 17, 30);
        await Service().RunAsync(FaxHonshu, JobRunTrigger.Schedule);

        var batch = (await _database.BatchesAsync(FaxHonshu)).Single(b => b.AcceptanceDay == Nov(25));
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_outbox, batch.InstructionFile!));
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd().Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("\"締めバッチ\",\"受付日\",\"注文番号\"", lines[0]);
        Assert.Contains("\"総務 山田\"", lines[1]);
        Assert.Contains($"\"{shipment.Id}\"", lines[1]);
        Assert.Equal("20261125_cutoff-fax-Honshu.csv", batch.InstructionFile);
    }
}
