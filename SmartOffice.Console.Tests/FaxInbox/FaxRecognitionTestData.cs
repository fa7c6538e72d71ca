using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>
/// Customers, departments and a catalogue for FAX recognition, the recognition services over a test database, and
/// readings stored as the worker stores them (for the checks, which need no engine).
/// </summary>
internal static class FaxRecognitionTestData
{
    /// <summary>The customer codes seeded: two with FAX numbers of their own, two sharing one.</summary>
    public const string Alpha = "10000013", Beta = "10000026", SharedOne = "10000039", SharedTwo = "10000042";

    public const string AlphaFax = "0311110001", BetaFax = "0622220002", SharedFax = "0455550005";

    /// <summary>Catalogue codes the checks use: a confusable pair's real side, two equally near ones, an inactive one,
    /// one locked.</summary>
    public const string Clip = "A1023456", Stapler = "B7654321", NearOne = "C5550001", NearTwo = "C5550009", Retired = "D3333333",
        Locked = "J2468024";

    public static FaxRecognitionOptions Options(string? tessdata = null) => new()
    {
        TessdataFolder = tessdata ?? new FaxRecognitionOptions().TessdataFolder,
        ClaimFor = TimeSpan.FromMinutes(5),
        PollInterval = TimeSpan.FromMilliseconds(100),
    };

    public static FaxRecognitionRunner Runner(this TestDatabase database, FaxRecognitionOptions options, FaxRecognitionStatus status) =>
        new(database, Microsoft.Extensions.Options.Options.Create(options), database.Clock, database.FaxInboxChanges, status,
            NullLogger<FaxRecognitionRunner>.Instance);

    public static FaxRecognitionService Recognition(this TestDatabase database, ICurrentStaff staff, FaxRecognitionOptions? options = null,
        FaxRecognitionStatus? status = null) =>
        new(database, staff, Microsoft.Extensions.Options.Options.Create(options ?? Options()), database.Rules,
            status ?? new FaxRecognitionStatus(),
            database.BusinessClock);

    /// <summary>Four customers (Alpha has 総務部 and 営業部), forty products in two categories, one retired, and Alpha's lock
    /// on <see cref="Locked"/>.</summary>
    public static async Task SeedAsync(this TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var dealer = new Dealer { Code = "DL1", Name = "販売店", Phone = "03-0000-0000" };
        var region = await db.Regions.FirstAsync(r => r.Code == "Honshu");
        Customer Customer(string code, string fax) => new()
        {
            Code = code, Name = $"株式会社テスト{code[^2..]}", NameKana = "テスト", SearchKey = JapaneseInput.SearchKey("テスト" + code, "テスト"),
                PostalCode = "100-0001",
            Address = "東京都千代田区1-1", Phone = "03-1111-2222", PhoneDigits = "0311112222", Fax = fax, FaxDigits = fax, Region = region,
                Dealer = dealer,
        };
        Department Department(Customer customer, string code, string name) =>
            new() { Customer = customer, Code = code, Name = name, PostalCode = "100-0001", Address = "東京都千代田区1-1" };
        var alpha = Customer(Alpha, AlphaFax);
        db.Departments.AddRange(Department(alpha, "01", "総務部"), Department(alpha, "02", "営業部"),
            Department(Customer(Beta, BetaFax), "01", "経理部"),
            Department(Customer(SharedOne, SharedFax), "01", "総務部"), Department(Customer(SharedTwo, SharedFax), "01", "総務部"));
        var stationery = new ProductCategory { Code = "STA", Name = "文具" };
        var paper = new ProductCategory { Code = "PAP", Name = "用紙" };
        Product Product(string code, ProductCategory category, bool active = true) =>
            new() { Code = code, Name = "ホッチキス", Maker = "コクヨ", Category = category, UnitPrice = 300, StockOnHand = 100,
                IsActive = active };
        db.Products.AddRange(Product(Clip, stationery), Product(Stapler, stationery), Product(NearOne, paper), Product(NearTwo, paper),
            Product(Retired, paper, active: false), Product(Locked, paper));
        foreach (var i in Enumerable.Range(1, 34))
            db.Products.Add(Product($"{"ABGJLS"[i % 6]}{1_000_000 + i * 7919 % 9_000_000}", i % 2 == 0 ? stationery : paper));
        await db.SaveChangesAsync();
        var locked = await db.Products.FirstAsync(p => p.Code == Locked);
        db.OrderLocks.Add(new OrderLock { CustomerId = alpha.Id, ProductId = locked.Id, CreatedAt = database.Clock.GetUtcNow() });
        await db.SaveChangesAsync();
    }

    public static async Task<int> CustomerIdAsync(this TestDatabase database, string code)
    {
        await using var db = database.CreateDbContext();
        return await db.Customers.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    /// <summary>A field as the reader stores it: read <paramref name="text"/> with <paramref name="confidence"/>, and a
    /// second reading when given.</summary>
    public static FaxRecognizedField Field(OrderFormField field, int line, string text, float confidence = 97,
        string? alternative = null) => new()
    {
        Field = field, LineNumber = line, PageNumber = 1, BoxX = 100, BoxY = 200 + line * 60, BoxWidth = 300, BoxHeight = 60, Text = text,
        Confidence = confidence, Alternative = alternative,
    };

    /// <summary>A FAX from <paramref name="senderFax"/> read as the order form with these fields; returns the FAX's id.</summary>
    public static async Task<int> AddReadingAsync(this TestDatabase database, string? senderFax, params FaxRecognizedField[] fields) =>
        await database.AddReadingAsync(senderFax, OrderFormLayout.BlankFormId, null, database.Clock.GetUtcNow().AddMinutes(-5), fields);

    /// <summary>The same, of form <paramref name="formId"/>, received at <paramref name="receivedAt"/> from the
    /// customer the inbox matched.</summary>
    public static async Task<int> AddReadingAsync(this TestDatabase database, string? senderFax, string formId, int? customerId,
        DateTimeOffset receivedAt,
        params FaxRecognizedField[] fields)
    {
        var id = await database.AddFaxAsync(receivedAt, senderFax, customerId);
        await using var db = database.CreateDbContext();
        db.FaxRecognitions.Add(new FaxRecognition
        {
            FaxInboxItemId = id, State = FaxRecognitionState.Read, Attempts = 1, StartedAt = database.Clock.GetUtcNow(),
                FinishedAt = database.Clock.GetUtcNow(),
            FormId = formId, FormPages = 1, Fields = fields.ToList(),
        });
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A corpus form drawn from the seeded records, imported as the FAX server would drop it; returns the FAX's id.</summary>
    public static async Task<(int Id, CorpusForm Form)> AddCorpusFaxAsync(this TestDatabase database, FaxFolders folders, int seed,
        FaxResolution resolution,
        FormFilling filling = FormFilling.Printed, int? lines = null, bool? prefilled = false)
    {
        CorpusRecords records;
        await using (var db = database.CreateDbContext())
            records = await FaxFormCorpus.RecordsAsync(db, 10);
        records = records with { Customers = records.Customers.Where(c => c.Fax is AlphaFax or BetaFax && c.Department != "営業部").ToList() };
        var form = FaxFormCorpus.Draw(records, new Random(seed), resolution, filling, database.Clock.GetUtcNow(), lines, prefilled);
        var name = $"{database.BusinessClock.ToBusinessTime(database.Clock.GetUtcNow()):yyyyMMddHHmmss}_{form.SenderFax}_{seed}.tif";
        folders.DropFile(name, form.Tiff);
        await database.Intake(folders.Options()).ScanAsync();
        return ((await database.ItemsAsync()).Single(i => i.FileName == name).Id, form);
    }

    /// <summary>The database migrated and ready, as the app's start makes it, for a worker to wait on.</summary>
    public static async Task<DatabaseInitializer> ReadyAsync(this TestDatabase database)
    {
        var initializer = new DatabaseInitializer(database,
            Microsoft.Extensions.Options.Options.Create(new DemoOptions { Enabled = false }),
            Microsoft.Extensions.Options.Options.Create(TestDatabase.ReferenceRegions()), database.Rules, database.BusinessClock,
                database.Calendar,
            new DemoDataGenerator(database, database.Clock, database.Rules, NullLogger<DemoDataGenerator>.Instance),
                NullLogger<DatabaseInitializer>.Instance);
        await initializer.InitializeAsync();
        return initializer;
    }

    /// <summary>Every unread FAX of the running console read with its own runner, as its worker would (test consoles run none).</summary>
    public static async Task ReadEveryFaxAsync(this ConsoleApp app)
    {
        _ = app.BaseAddress;
        var runner = app.Services.GetRequiredService<FaxRecognitionRunner>();
        var engines = runner.LoadEngines() ?? throw new InvalidOperationException("tesseract is missing: ./test.sh installs it");
        try
        {
            while (await runner.ReadNextAsync(engines[0]))
            {
            }
        }
        finally
        {
            foreach (var engine in engines)
                engine.Dispose();
        }
    }

    public static async Task<FaxRecognition?> RecognitionAsync(this TestDatabase database, int faxId)
    {
        await using var db = database.CreateDbContext();
        return await db.FaxRecognitions.AsNoTracking().Include(r => r.Fields).SingleOrDefaultAsync(r => r.FaxInboxItemId == faxId);
    }
}
