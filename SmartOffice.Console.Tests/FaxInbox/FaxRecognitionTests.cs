using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Staff;
using static SmartOffice.Console.Tests.FaxInbox.FaxRecognitionTestData;

namespace SmartOffice.Console.Tests.FaxInbox;

/// <summary>
/// FAX recognition (#25): the form found on generated FAXes (fine and standard, skewed, stamped) and read into a draft equal
/// to what was written; pages that are not the form; every check of what was read against the catalogue and the customer
/// data; the path without tesseract; the worker's queue across restarts; the accuracy figures. Real SQLite files and the
/// real engine (Debian's tesseract, installed by test.sh).
/// </summary>
public sealed partial class FaxRecognitionTests : IAsyncLifetime, IDisposable
{
    private TestDatabase _db = null!;
    private readonly FaxFolders _folders = new();
    private readonly FaxRecognitionStatus _status = new();

    public async Task InitializeAsync()
    {
        _db = await new TestDatabase().InitializeAsync();
        await _db.SeedAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose() => _folders.Dispose();

    private FaxRecognitionService Desk => _db.Recognition(TestStaff.DeskAgent, status: _status);

    private async Task<RecognizedOrderDraft> ReadAsync(int faxId)
    {
        var runner = _db.Runner(Options(), _status);
        var engines = runner.LoadEngines() ?? throw new InvalidOperationException("tesseract is missing: ./test.sh installs it");
        try
        {
            Assert.True(await runner.ReadNextAsync(engines[0]));
        }
        finally
        {
            foreach (var engine in engines)
                engine.Dispose();
        }
        return await Desk.DraftAsync(faxId);
    }

    // ---- Form detection and reading on generated forms ----

    [Theory]
    [InlineData(true, 11)]
    [InlineData(true, 12)]
    [InlineData(false, 13)]
    [InlineData(false, 14)]
    public async Task A_printed_order_form_is_found_and_read_into_the_draft_as_written(bool fine, int seed)
    {
        var (id, form) = await _db.AddCorpusFaxAsync(_folders, seed, fine ? FaxResolution.Fine : FaxResolution.Standard, lines: 6);

        var draft = await ReadAsync(id);

        Assert.Equal(RecognitionStatus.Read, draft.Status);
        Assert.Equal(OrderFormLayout.BlankFormId, draft.FormId);
        Assert.Equal(form.Customer.Id, draft.Customer?.RecordId);
        Assert.Equal(form.Customer.DepartmentId, draft.Department?.RecordId);
        Assert.Equal(form.Lines.Select(l => (l.Code, l.Quantity)), draft.Lines.Select(l => (l.ProductCode!.Text, l.Quantity!.Text)));
        // Every field has its box on the page image, inside the page.
        Assert.All(draft.Lines.SelectMany(l => l.Values).Where(v => v.Box is not null), v => Assert.InRange(v.Box!.X, 1, 1800));
    }

    [Fact]
    public async Task Skew_is_measured_and_undone_before_the_boxes_are_cut()
    {
        foreach (var degrees in new[] { -2.0f, 2.0f })
        {
            using var page = FormPage(canvas => canvas.RotateDegrees(degrees, OrderFormLayout.Width / 2, OrderFormLayout.Height / 2));
            var placement = FormRegistration.Find(page);

            Assert.NotNull(placement);
            Assert.InRange(placement.SkewDegrees, degrees - 0.3f, degrees + 0.3f);
            Assert.True(placement.RuledLinesFound >= 0.95f);
        }
    }

    [Fact]
    public async Task Pages_that_are_not_the_order_form_are_marked_so_and_keyed_as_today()
    {
        // A 返品依頼書 has labelled boxes and a line table too, but no corner marks; a blank page has nothing.
        var ret = await _db.AddFaxAsync(_db.Clock.GetUtcNow(), AlphaFax);
        await ReplacePagesAsync(ret, DemoFaxForms.Render(new DemoFaxForm("返品依頼書", "03-1111-0001", _db.Clock.GetUtcNow(),
            [("お客様番号", Alpha), ("注文番号", "F20261120000123")], ["商品コード", "商品名", "数量", "返品理由"],
            [new DemoFaxLine(Clip, "クリップ", "1", "イメージ違い")], null), new Random(3)), FaxFiles.Png(FaxFiles.Page(1240, 1754)));

        var draft = await ReadAsync(ret);

        Assert.Equal(RecognitionStatus.NotAForm, draft.Status);
        Assert.Empty(draft.Lines);
        Assert.Equal(FaxRecognitionState.NotAForm, (await _db.RecognitionAsync(ret))!.State);
        Assert.Equal(FaxKind.Unsorted, (await _db.ItemAsync(ret)).Kind);
    }

    [Fact]
    public async Task A_two_page_order_is_merged_and_a_cover_letter_before_it_is_left_out()
    {
        var (id, form) = await _db.AddCorpusFaxAsync(_folders, 21, FaxResolution.Fine, lines: 11);
        Assert.Equal(2, form.Pages);

        var draft = await ReadAsync(id);

        Assert.Equal(Enumerable.Range(1, 11), draft.Lines.Select(l => l.LineNumber));
        Assert.Equal(form.Lines.Select(l => l.Code), draft.Lines.Select(l => l.ProductCode!.Text));
        Assert.Equal(2, draft.Lines[^1].ProductCode!.Box!.PageNumber);
        Assert.Equal(2, (await _db.RecognitionAsync(id))!.FormPages);
    }

    [Fact]
    public async Task A_pre_filled_form_orders_only_the_rows_with_a_quantity()
    {
        var (id, form) = await _db.AddCorpusFaxAsync(_folders, 31, FaxResolution.Fine, lines: 3, prefilled: true);

        var draft = await ReadAsync(id);

        Assert.Equal(OrderFormLayout.PrefilledFormId, draft.FormId);
        Assert.Equal(form.Lines.OrderBy(l => l.Row).Select(l => (l.Code, l.Quantity)),
            draft.Lines.Select(l => (l.ProductCode!.Text, l.Quantity!.Text)));
    }

    [Fact]
    public async Task A_form_the_console_printed_pre_filled_reads_back_its_customer_and_department()
    {
        var alpha = await _db.CustomerIdAsync(Alpha);
        await using (var db = _db.CreateDbContext())
        {
            var sales = await db.Departments.SingleAsync(d => d.CustomerId == alpha && d.Name == "営業部");
            var forms = new OrderFormPrintService(_db, TestStaff.DeskAgent,
                Microsoft.Extensions.Options.Options.Create(new DeskContactOptions()),
                Microsoft.Extensions.Options.Options.Create(Options()), _db.BusinessClock);
            var png = await forms.RenderAsync(alpha, sales.Id);
            var id = await _db.AddFaxAsync(_db.Clock.GetUtcNow(), "0399999999");
            await ReplacePagesAsync(id, png);

            var draft = await ReadAsync(id);

            Assert.Equal(OrderFormLayout.PrefilledFormId, draft.FormId);
            Assert.Equal((alpha, false), (draft.Customer!.RecordId, draft.Customer.IsLow));
            Assert.Equal((sales.Id, false), (draft.Department!.RecordId, draft.Department.IsLow));
            Assert.Empty(draft.Lines);
        }
    }

    [Fact]
    public void The_demo_order_forms_are_drawn_on_the_form_the_reader_finds()
    {
        var png = DemoFaxForms.RenderOrder(new OrderFormWriting(Alpha, "株式会社テスト", "総務部", "田中 美咲", "03-1111-0001",
            [new OrderFormWrittenLine(Clip, "クリップ", "3", "至急")]), "03-1111-0001", _db.Clock.GetUtcNow(), new Random(5));
        using var page = GrayPage.FromPng(png);

        var placement = FormRegistration.Find(page);

        Assert.NotNull(placement);
        Assert.True(placement.RuledLinesFound >= FormRegistration.RuledLinesNeeded);
    }

    // ---- Checks against the catalogue ----

    [Fact]
    public async Task A_code_read_surely_that_is_in_the_catalogue_is_sure()
    {
        var id = await _db.AddReadingAsync(AlphaFax, Field(OrderFormField.CustomerCode, 0, Alpha),
            Field(OrderFormField.Department, 0, "総務部"),
            Field(OrderFormField.ProductCode, 1, Clip), Field(OrderFormField.Quantity, 1, "12"));

        var line = Assert.Single((await Desk.DraftAsync(id)).Lines);

        Assert.Equal((Clip, false, null), (line.ProductCode!.Text, line.ProductCode.IsLow, line.ProductCode.Reason));
        Assert.Equal(("12", false), (line.Quantity!.Text, line.Quantity.IsLow));
        Assert.Null((await Desk.DraftAsync(id)).FirstLow);
    }

    [Fact]
    public async Task A_code_not_in_the_catalogue_is_low_whatever_the_engine_says()
    {
        var id = await _db.AddReadingAsync(AlphaFax, Field(OrderFormField.ProductCode, 1, "Z9999999", confidence: 99),
            Field(OrderFormField.Quantity, 1, "1"));

        var code = (await Desk.DraftAsync(id)).Lines.Single().ProductCode!;

        Assert.Equal(("Z9999999", true), (code.Text, code.IsLow));
        Assert.Equal(DomainText.Format("FaxRecognition.CodeUnknown", "Z9999999"), code.Reason);
    }

    [Fact]
    public async Task The_nearest_catalogue_code_over_the_usual_confusions_is_proposed_when_unambiguous()
    {
        // O for 0 and I for 1: only Clip is that near.
        var id = await _db.AddReadingAsync(AlphaFax, Field(OrderFormField.ProductCode, 1, "AIO23456"),
            Field(OrderFormField.Quantity, 1, "1"),
            Field(OrderFormField.ProductCode, 2, "B76S432I"), Field(OrderFormField.Quantity, 2, "1"));

        var lines = (await Desk.DraftAsync(id)).Lines;

        Assert.Equal((Clip, true), (lines[0].ProductCode!.Text, lines[0].ProductCode!.IsLow));
        Assert.Equal(DomainText.Format("FaxRecognition.CodeProposed", "AIO23456", Clip), lines[0].ProductCode!.Reason);
        Assert.Equal(Stapler, lines[1].ProductCode!.Text);
    }

    [Fact]
    public async Task No_code_is_proposed_when_two_are_as_near()
    {
        // C5550005 is one digit from both C5550001 and C5550009.
        var id = await _db.AddReadingAsync(AlphaFax, Field(OrderFormField.ProductCode, 1, "C5550005"),
            Field(OrderFormField.Quantity, 1, "1"));

        var code = (await Desk.DraftAsync(id)).Lines.Single().ProductCode!;

        Assert.Equal(("C5550005", true), (code.Text, code.IsLow));
        Assert.Equal(DomainText.Format("FaxRecognition.CodeUnknown", "C5550005"), code.Reason);
    }

    [Fact]
    public async Task When_the_two_readings_differ_the_one_in_the_catalogue_is_filled_in_and_low()
    {
        var id = await _db.AddReadingAsync(AlphaFax, Field(OrderFormField.ProductCode, 1, "12468024", 60, alternative: "J2468O24"),
            Field(OrderFormField.ProductCode, 2, "B7654329", 50, alternative: Stapler), Field(OrderFormField.Quantity, 2, "1"));

        var lines = (await Desk.DraftAsync(id)).Lines;

        Assert.Equal((Stapler, true), (lines[1].ProductCode!.Text, lines[1].ProductCode!.IsLow));
        Assert.Equal(DomainText.Format("FaxRecognition.CodeAlternative", "B7654329", Stapler), lines[1].ProductCode!.Reason);
    }

    [Fact]
    public async Task A_code_locked_for_this_customer_or_no_longer_sold_is_low()
    {
        var id = await _db.AddReadingAsync(AlphaFax, Field(OrderFormField.CustomerCode, 0, Alpha),
            Field(OrderFormField.ProductCode, 1, Locked),
            Field(OrderFormField.Quantity, 1, "2"), Field(OrderFormField.ProductCode, 2, Retired), Field(OrderFormField.Quantity, 2, "2"));
        var other = await _db.AddReadingAsync(BetaFax, Field(OrderFormField.CustomerCode, 0, Beta),
            Field(OrderFormField.ProductCode, 1, Locked),
            Field(OrderFormField.Quantity, 1, "2"));

        var lines = (await Desk.DraftAsync(id)).Lines;

        Assert.Equal((true, DomainText.Format("FaxRecognition.CodeLocked", Locked)),
            (lines[0].ProductCode!.IsLow, lines[0].ProductCode!.Reason));
        Assert.Equal((true, DomainText.Format("FaxRecognition.CodeInactive", Retired)),
            (lines[1].ProductCode!.IsLow, lines[1].ProductCode!.Reason));
        // The lock is Alpha's: for Beta the same product is fine.
        Assert.False((await Desk.DraftAsync(other)).Lines.Single().ProductCode!.IsLow);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("05")]
    [InlineData("10000")]
    [InlineData("1-2")]
    public async Task A_quantity_that_is_not_a_plausible_whole_number_is_low(string quantity)
    {
        var id = await _db.AddReadingAsync(AlphaFax, Field(OrderFormField.ProductCode, 1, Clip),
            Field(OrderFormField.Quantity, 1, quantity, confidence: 99));

        var value = (await Desk.DraftAsync(id)).Lines.Single().Quantity!;

        Assert.True(value.IsLow);
        Assert.Equal(DomainText.Format("FaxRecognition.QuantityImplausible", quantity, 9999), value.Reason);
    }

    [Fact]
    public async Task An_unsure_or_disputed_reading_is_low_and_where_the_cursor_starts()
    {
        var id = await _db.AddReadingAsync(AlphaFax, Field(OrderFormField.CustomerCode, 0, Alpha),
            Field(OrderFormField.Department, 0, "総務部"),
            Field(OrderFormField.ProductCode, 1, Clip), Field(OrderFormField.Quantity, 1, "3"),
                Field(OrderFormField.ProductCode, 2, Stapler, confidence: 70), Field(OrderFormField.Quantity, 2, "4"),
            Field(OrderFormField.Quantity, 3, "7", confidence: 45, alternative: "1"), Field(OrderFormField.ProductCode, 3, Clip));

        var draft = await Desk.DraftAsync(id);

        Assert.Equal(DomainText.Format("FaxRecognition.Unsure", 70), draft.Lines[1].ProductCode!.Reason);
        Assert.True(draft.Lines[2].Quantity!.IsLow);
        Assert.Same(draft.Lines[1].ProductCode, draft.FirstLow);
        Assert.Equal(draft.Lines[1].ProductCode!.FieldId, draft.FirstLow!.FieldId);
    }

    // ---- The customer: the code read against the sender's FAX number ----

    [Fact]
    public async Task Code_and_FAX_number_agreeing_choose_the_customer_surely()
    {
        var id = await _db.AddReadingAsync(AlphaFax, Field(OrderFormField.CustomerCode, 0, Alpha, confidence: 60),
            Field(OrderFormField.Department, 0, "営業部"));

        var draft = await Desk.DraftAsync(id);

        Assert.Equal((await _db.CustomerIdAsync(Alpha), false), (draft.Customer!.RecordId, draft.Customer.IsLow));
        Assert.Equal(("営業部", false), (draft.Department!.Text, draft.Department.IsLow));
    }

    [Fact]
    public async Task A_sure_code_that_disagrees_with_the_FAX_number_decides_and_says_why()
    {
        var id = await _db.AddReadingAsync(AlphaFax, Field(OrderFormField.CustomerCode, 0, Beta, confidence: 98));

        var customer = (await Desk.DraftAsync(id)).Customer!;

        Assert.Equal((await _db.CustomerIdAsync(Beta), true), (customer.RecordId, customer.IsLow));
        Assert.Contains(Beta, customer.Reason);
        Assert.Contains(AlphaFax, customer.Reason);
    }

    [Fact]
    public async Task An_unsure_code_that_disagrees_leaves_the_FAX_number_to_decide()
    {
        var id = await _db.AddReadingAsync(AlphaFax, Field(OrderFormField.CustomerCode, 0, Beta, confidence: 98, alternative: "10000028"));

        var customer = (await Desk.DraftAsync(id)).Customer!;

        Assert.Equal((await _db.CustomerIdAsync(Alpha), true), (customer.RecordId, customer.IsLow));
        Assert.Equal(DomainText.Format("FaxRecognition.CustomerDisagreesUnsure", Beta, AlphaFax, $"株式会社テスト{Alpha[^2..]}"), customer.Reason);
    }

    [Fact]
    public async Task On_a_shared_FAX_number_only_a_sure_code_chooses()
    {
        var sure = await _db.AddReadingAsync(SharedFax, Field(OrderFormField.CustomerCode, 0, SharedTwo, confidence: 96));
        var unsure = await _db.AddReadingAsync(SharedFax, Field(OrderFormField.CustomerCode, 0, "10000099", confidence: 40));
        var none = await _db.AddReadingAsync(SharedFax, Field(OrderFormField.ProductCode, 1, Clip));

        var chosen = (await Desk.DraftAsync(sure)).Customer!;
        Assert.Equal((await _db.CustomerIdAsync(SharedTwo), false), (chosen.RecordId, chosen.IsLow));
        Assert.Equal(DomainText.Format("FaxRecognition.CustomerSharedFax", SharedFax, 2), chosen.Reason);
        Assert.Equal((null, true), ((await Desk.DraftAsync(unsure)).Customer!.RecordId, (await Desk.DraftAsync(unsure)).Customer!.IsLow));
        var nothing = (await Desk.DraftAsync(none)).Customer!;
        Assert.Equal((null, DomainText.Format("FaxRecognition.CustomerSharedFaxUnsure", SharedFax, 2)), (nothing.RecordId, nothing.Reason));
    }

    [Fact]
    public async Task Without_a_code_the_FAX_number_of_one_customer_chooses_and_the_department_follows()
    {
        var id = await _db.AddReadingAsync(BetaFax, Field(OrderFormField.Department, 0, "経理"),
            Field(OrderFormField.FaxNumber, 0, "06-2222-0003"));

        var draft = await Desk.DraftAsync(id);

        Assert.Equal((await _db.CustomerIdAsync(Beta), false), (draft.Customer!.RecordId, draft.Customer.IsLow));
        Assert.Equal(("経理部", true), (draft.Department!.Text, draft.Department.IsLow));
        Assert.Equal(DomainText.Format("FaxRecognition.FaxNumberDiffers", "06-2222-0003", BetaFax), draft.FaxNumber!.Reason);
    }

    [Fact]
    public async Task An_unregistered_code_from_an_unknown_number_chooses_nobody()
    {
        var id = await _db.AddReadingAsync("0399999999", Field(OrderFormField.CustomerCode, 0, "99999999"));

        var customer = (await Desk.DraftAsync(id)).Customer!;

        Assert.Equal((null, true, DomainText.Format("FaxRecognition.CustomerCodeUnknown", "99999999")),
            (customer.RecordId, customer.IsLow, customer.Reason));
    }

    // ---- Without tesseract ----

    [Fact]
    public async Task Without_tesseract_reading_is_off_with_one_notice_and_the_inbox_works_as_before()
    {
        var empty = Directory.CreateTempSubdirectory("no-tessdata-");
        try
        {
            var runner = _db.Runner(Options(empty.FullName), _status);

            Assert.Null(runner.LoadEngines());
            Assert.Contains("eng.traineddata", _status.Unavailable);
            Assert.Equal("tesseract-ocr-eng", _status.MissingPackage);
            Assert.False(_status.Running);

            var (id, _) = await _db.AddCorpusFaxAsync(_folders, 41, FaxResolution.Fine);
            Assert.Equal(FaxStatus.New, (await _db.ItemAsync(id)).Status);
            Assert.Null(await _db.RecognitionAsync(id));
            Assert.Equal(RecognitionStatus.Off, (await Desk.DraftAsync(id)).Status);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void A_missing_library_is_reported_the_same_way()
    {
        var options = Options();
        options.Library = "libtesseract-missing.so.5";

        Assert.Null(_db.Runner(options, _status).LoadEngines());
        Assert.Contains("libtesseract-missing.so.5", _status.Unavailable);
        Assert.Equal("tesseract-ocr", _status.MissingPackage);
    }

    // ---- Helpers ----

    /// <summary>The blank form drawn on a fine FAX page after <paramref name="transform"/> (a rotation), bilevel.</summary>
    private static GrayPage FormPage(Action<SKCanvas> transform)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(1728, 2380, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(1728 / OrderFormLayout.Width * 210 / 215);
            transform(canvas);
            OrderFormSheet.DrawForm(canvas, new DeskContactOptions(), null, FormTypeface.Embedded);
        }
        return GrayPage.FromBitmap(bitmap);
    }

    private async Task ReplacePagesAsync(int faxId, params byte[][] pngs)
    {
        await using var db = _db.CreateDbContext();
        await db.FaxPages.Where(p => p.FaxInboxItemId == faxId).ExecuteDeleteAsync();
        db.FaxPages.AddRange(pngs.Select((png, i) =>
            new FaxPage { FaxInboxItemId = faxId, PageNumber = i + 1, Width = 1240, Height = 1754, Png = png }));
        await db.SaveChangesAsync();
    }
}
