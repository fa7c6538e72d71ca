using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SmartOffice.Console.FaxInbox;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.FaxInbox.FaxRecognitionTestData;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>The worker's queue across restarts and crashes, and the accuracy figures.</summary>
public sealed partial class FaxRecognitionTests
{
    private FaxRecognitionWorker Worker(DatabaseInitializer ready) =>
        new(_db.Runner(Options(), _status), Microsoft.Extensions.Options.Options.Create(Options()), ready, _db.FaxInboxChanges, _db.Clock,
            NullLogger<FaxRecognitionWorker>.Instance);

    /// <summary>Polls the database until the FAX's reading is finished (the worker runs on its own threads).</summary>
    private async Task<FaxRecognition> FinishedAsync(int faxId)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await _db.RecognitionAsync(faxId) is { State: not FaxRecognitionState.Reading } done)
                return done;
            await Task.Delay(100);
        }
        throw new TimeoutException($"FAX {faxId} was not read within a minute");
    }

    [Fact]
    public async Task FAXes_imported_while_no_worker_ran_are_read_when_one_starts_and_the_next_worker_goes_on()
    {
        var ready = await _db.ReadyAsync();
        var (before, _) = await _db.AddCorpusFaxAsync(_folders, 51, FaxResolution.Fine, lines: 2);
        Assert.Null(await _db.RecognitionAsync(before));

        var first = Worker(ready);
        await first.StartAsync(CancellationToken.None);
        Assert.Equal(FaxRecognitionState.Read, (await FinishedAsync(before)).State);
        // While it runs, an import wakes it.
        var (during, _) = await _db.AddCorpusFaxAsync(_folders, 52, FaxResolution.Standard, lines: 2);
        Assert.Equal(FaxRecognitionState.Read, (await FinishedAsync(during)).State);
        await first.StopAsync(CancellationToken.None);
        first.Dispose();

        var (whileDown, _) = await _db.AddCorpusFaxAsync(_folders, 53, FaxResolution.Fine, lines: 2);
        await Task.Delay(300);
        Assert.Null(await _db.RecognitionAsync(whileDown));
        var second = Worker(ready);
        await second.StartAsync(CancellationToken.None);
        Assert.Equal(FaxRecognitionState.Read, (await FinishedAsync(whileDown)).State);
        await second.StopAsync(CancellationToken.None);
        second.Dispose();

        // Each FAX was read once.
        await using var db = _db.CreateDbContext();
        Assert.Equal(3, await db.FaxRecognitions.CountAsync());
        Assert.All(await db.FaxRecognitions.ToListAsync(), r => Assert.Equal(1, r.Attempts));
    }

    [Fact]
    public async Task A_reading_left_by_a_worker_that_died_is_taken_over_once_its_claim_expires()
    {
        var (id, form) = await _db.AddCorpusFaxAsync(_folders, 61, FaxResolution.Fine, lines: 2);
        await using (var db = _db.CreateDbContext())
        {
            db.FaxRecognitions.Add(new FaxRecognition
            {
                FaxInboxItemId = id, State = FaxRecognitionState.Reading, Attempts = 1, StartedAt = _db.Clock.GetUtcNow(),
                LeaseUntil = _db.Clock.GetUtcNow().AddMinutes(5),
            });
            await db.SaveChangesAsync();
        }
        var runner = _db.Runner(Options(), _status);
        using var engine = runner.LoadEngines()!.Single();

        // Still claimed: another worker may be reading it.
        Assert.False(await runner.ReadNextAsync(engine));
        _db.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await runner.ReadNextAsync(engine));

        var reading = (await _db.RecognitionAsync(id))!;
        Assert.Equal((FaxRecognitionState.Read, 2, null), (reading.State, reading.Attempts, reading.LeaseUntil));
        Assert.Equal(form.Lines.Count, (await Desk.DraftAsync(id)).Lines.Count);
    }

    [Fact]
    public async Task A_FAX_whose_reading_never_finishes_is_marked_unreadable_after_the_attempts()
    {
        var id = await _db.AddFaxAsync(_db.Clock.GetUtcNow());
        await using (var db = _db.CreateDbContext())
        {
            db.FaxRecognitions.Add(new FaxRecognition
            {
                FaxInboxItemId = id, State = FaxRecognitionState.Reading, Attempts = Options().MaxAttempts,
                    StartedAt = _db.Clock.GetUtcNow(),
                LeaseUntil = _db.Clock.GetUtcNow().AddMinutes(-1),
            });
            await db.SaveChangesAsync();
        }
        var runner = _db.Runner(Options(), _status);
        using var engine = runner.LoadEngines()!.Single();

        Assert.False(await runner.ReadNextAsync(engine));

        var reading = (await _db.RecognitionAsync(id))!;
        Assert.Equal(FaxRecognitionState.Unreadable, reading.State);
        Assert.Contains("3 attempts", reading.Problem);
        Assert.Equal(RecognitionStatus.Unreadable, (await Desk.DraftAsync(id)).Status);
    }

    [Fact]
    public async Task Two_workers_never_read_the_same_FAX()
    {
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
            ids.Add(await _db.AddFaxAsync(_db.Clock.GetUtcNow().AddMinutes(-i)));
        var runners = Enumerable.Range(0, 2).Select(_ => _db.Runner(Options(), _status)).ToList();
        var engines = runners.Select(r => r.LoadEngines()!.Single()).ToList();
        try
        {
            var read = await Task.WhenAll(runners.Select((r, i) => Task.Run(async () =>
            {
                var count = 0;
                while (await r.ReadNextAsync(engines[i]))
                    count++;
                return count;
            })));
            Assert.Equal(3, read.Sum());
        }
        finally
        {
            engines.ForEach(e => e.Dispose());
        }
        await using var db = _db.CreateDbContext();
        Assert.Equal(ids.Order(), (await db.FaxRecognitions.Select(r => r.FaxInboxItemId).ToListAsync()).Order());
        Assert.All(await db.FaxRecognitions.ToListAsync(), r => Assert.Equal((FaxRecognitionState.NotAForm, 1), (r.State, r.Attempts)));
    }

    [Fact]
    public async Task Without_tesseract_the_running_console_shows_one_notice_on_the_inbox_and_imports_FAXes_as_before()
    {
        await using var app = new NoTesseractConsoleApp();
        var user = await app.CreateStaffAsync("desk25", NoTesseractConsoleApp.Password, StaffRoles.DeskAgent, "読取 なし");
        using var client = await StaffHttp.ClientAsync(app.BaseAddress, user, NoTesseractConsoleApp.Password);
        Directory.CreateDirectory(app.FaxDropFolder);
        File.WriteAllBytes(Path.Combine(app.FaxDropFolder, "scan0001.png"), FaxFiles.Png(FaxFiles.Page()));

        string page = "";
        for (var i = 0; i < 300 && !page.Contains("fax-recognition-off", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            page = await client.GetStringAsync("fax");
        }

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "data-testid=\"fax-recognition-off\""));
        // One message in the desk's language, naming the package to install; the file missing only as its tooltip.
        Assert.Contains("FAX読取は停止しています: サーバーに tesseract-ocr-eng がありません", page);
        Assert.Contains("eng.traineddata is missing", page);
        for (var i = 0; i < 300 && !page.Contains("data-testid=\"fax-row\"", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            page = await client.GetStringAsync("fax");
        }
        Assert.Contains("data-testid=\"fax-row\"", page);
        Assert.DoesNotContain("data-testid=\"fax-recognized\"", page);
    }

    // ---- Accuracy ----

    [Fact]
    public async Task Accuracy_counts_fields_read_and_changed_by_agents_per_week_and_per_customer()
    {
        var alpha = await _db.CustomerIdAsync(Alpha);
        var beta = await _db.CustomerIdAsync(Beta);
        var wednesday = TestDatabase.JapanTime(2026, 11, 25, 9, 0);
        var lastWeek = TestDatabase.JapanTime(2026, 11, 17, 9, 0);
        var a1 = await _db.AddReadingAsync(AlphaFax, OrderFormLayout.BlankFormId, alpha, wednesday,
            Field(OrderFormField.ProductCode, 1, Clip),
            Field(OrderFormField.Quantity, 1, "3"));
        var a2 = await _db.AddReadingAsync(AlphaFax, OrderFormLayout.BlankFormId, alpha, lastWeek,
            Field(OrderFormField.ProductCode, 1, Stapler),
            Field(OrderFormField.Quantity, 1, "8"));
        var b1 = await _db.AddReadingAsync(BetaFax, OrderFormLayout.BlankFormId, beta, wednesday,
            Field(OrderFormField.ProductCode, 1, Clip),
            Field(OrderFormField.Quantity, 1, "1"));
        // Alpha's agent kept both fields of one FAX, changed a quantity on the other and keyed a line the reader missed; Beta's kept both.
        await KeyAsync(a1, (OrderFormField.ProductCode, 1, Clip, Clip), (OrderFormField.Quantity, 1, "3", "３"));
        await KeyAsync(a2, (OrderFormField.ProductCode, 1, Stapler, Stapler), (OrderFormField.Quantity, 1, "8", "3"),
            (OrderFormField.ProductCode, 2, null, Clip));
        await KeyAsync(b1, (OrderFormField.ProductCode, 1, Clip, Clip), (OrderFormField.Quantity, 1, "1", "1"));
        var supervisor = _db.Recognition(TestStaff.Supervisor);

        var report = await supervisor.AccuracyAsync(new FaxAccuracyQuery(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));

        Assert.Equal((3, 6, 6, 1, 1), (report.Total.Faxes, report.Total.FieldsRead, report.Total.FieldsConfirmed,
            report.Total.FieldsChanged, report.Total.FieldsMissed));
        Assert.Equal(0.7143m, report.Total.Accuracy);
        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 16)], report.Weeks.Select(w => w.Week!.Value));
        Assert.Equal(1m, report.Weeks[0].Accuracy);
        // The least accurate customer first: the one to send a clean form.
        Assert.Equal([Alpha, Beta], report.Customers.Select(c => c.CustomerCode));
        Assert.Equal(0.6m, report.Customers[0].Accuracy);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Desk.AccuracyAsync(new FaxAccuracyQuery(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30))));
    }

    private async Task KeyAsync(int faxId, params (OrderFormField Field, int Line, string? Prefilled, string Keyed)[] keyed)
    {
        await using var db = _db.CreateDbContext();
        var fields = await db.FaxRecognizedFields.Where(f =>
            db.FaxRecognitions.Any(r => r.Id == f.FaxRecognitionId && r.FaxInboxItemId == faxId)).ToListAsync();
        var list = keyed.Select(k => new KeyedField(k.Prefilled is null ? null : fields.Single(f => f.Field == k.Field
            && f.LineNumber == k.Line).Id,
            k.Field, k.Line, k.Prefilled, k.Keyed)).ToList();
        await FaxRecognitionOutcome.RecordAsync(db, faxId, list, _db.Clock.GetUtcNow(), CancellationToken.None);
    }
}

/// <summary>A console whose FAX reading is on but finds no language data: what a machine without tesseract-ocr-jpn/eng gets.</summary>
public sealed class NoTesseractConsoleApp : ConsoleApp
{
    public const string Password = "secret-pass-25";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "false",
        ["FaxRecognition:Enabled"] = "true",
        ["FaxRecognition:TessdataFolder"] = Path.Combine(Path.GetTempPath(), "no-tessdata-here"),
    };
}
