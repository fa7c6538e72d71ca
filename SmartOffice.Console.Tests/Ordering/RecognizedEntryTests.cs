using Bunit;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Ordering;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>
/// Order entry beside a recognised FAX (#25), the component logic: each value's confidence, low ones highlighted until the
/// agent changes them, where the cursor starts, the crop of the focused field, and what the save records per field.
/// </summary>
public sealed class RecognizedEntryTests : IAsyncLifetime
{
    private const int FaxId = 41;
    private readonly BunitContext _context = new();

    public Task InitializeAsync() => OrderLineGridKeyboardTests.GridContext(_context);

    public Task DisposeAsync() => _context.DisposeAsync().AsTask();

    private static long _ids = 100;

    private static RecognizedValue Value(string text, float confidence = 97, string? reason = null, int? record = null,
        string? read = null) =>
        new(_ids++, text, read ?? text, confidence, reason is not null, reason, new FaxFieldBox(1, 400, 600, 200, 50), record);

    private static RecognizedLine Line(int number, RecognizedValue code, RecognizedValue quantity, RecognizedValue? comment = null) =>
        new(number, code, quantity, comment);

    private static RecognizedOrderDraft Draft(RecognizedValue? customer, RecognizedValue? department, params RecognizedLine[] lines) =>
        new(FaxId, RecognitionStatus.Read, OrderFormLayout.BlankFormId, customer, department, null, lines);

    private static RecognizedEntry Entry(RecognizedOrderDraft draft) => new(draft, [new FaxPageSize(1, 1240, 1754)]);

    private static OrderEntryForm FormWith(RecognizedEntry entry)
    {
        var customer = new OrderingCustomer(new OrderingCustomerMatch(7, "10000013", "株式会社テスト", "テスト", "0311110001",
            "03-1111-2222", "本州",
            "販売店"),
            0, false, new TimeOnly(17, 0),
            [new OrderingDepartment(70, "01", "総務部", "東京都", null, BudgetKind.Hard), new OrderingDepartment(71, "02",
                "営業部", "東京都", null,
                BudgetKind.Hard)],
            [], null);
        var form = new OrderEntryForm { Customer = customer };
        form.DepartmentId = entry.DepartmentFor(form);
        entry.FillLines(form);
        return form;
    }

    [Fact]
    public void Each_value_shows_its_confidence_and_a_low_one_is_highlighted_with_its_reason_until_the_agent_changes_it()
    {
        var low = Value("12", 61, "数量の読取が不確かです(61%)");
        var nothingWritten = new RecognizedValue(null, "", "", 0, false, null, null);
        var entry = Entry(Draft(Value("10000013", record: 7), Value("総務部", record: 70), Line(1, Value("A1023456"), low,
            Value("総務 山田", 88)),
            Line(2, Value("B7654321"), Value("1"), nothingWritten)));
        var form = FormWith(entry);
        var grid = _context.Render<OrderLineGrid>(p => p.Add(x => x.Form, form).Add(x => x.Recognized, entry));

        var marks = grid.Find("[data-line=\"0\"]").QuerySelectorAll("[data-testid=read-confidence]").Select(m => (m.TextContent,
            m.ClassList.Contains("low"))).ToList();
        Assert.Equal([("97%", false), ("61%", true), ("88%", false)], marks);
        var quantity = grid.Find(OrderLineGrid.FieldSelector(0, "qty"));
        Assert.Contains("read-low", quantity.ClassList);
        Assert.Equal("数量の読取が不確かです(61%)", quantity.GetAttribute("title"));
        Assert.DoesNotContain("read-low", grid.Find(OrderLineGrid.FieldSelector(0, "code")).ClassList);
        // An empty comment box read as empty, and blank lines keyed by hand, carry no mark.
        Assert.Equal(2, grid.Find("[data-line=\"1\"]").QuerySelectorAll("[data-testid=read-confidence]").Length);
        Assert.Empty(grid.Find("[data-line=\"2\"]").QuerySelectorAll("[data-testid=read-confidence]"));

        // The same value typed full-width is no change; another quantity is the agent's decision: the highlight goes.
        grid.Find(OrderLineGrid.FieldSelector(0, "qty")).Change("１２");
        Assert.Contains("read-low", grid.Find(OrderLineGrid.FieldSelector(0, "qty")).ClassList);
        grid.Find(OrderLineGrid.FieldSelector(0, "qty")).Change("2");
        Assert.DoesNotContain("read-low", grid.Find(OrderLineGrid.FieldSelector(0, "qty")).ClassList);
        Assert.DoesNotContain("low", grid.FindAll("[data-line=\"0\"] [data-testid=read-confidence]")[1].ClassList);
    }

    [Fact]
    public void The_cursor_starts_on_the_first_low_value_in_entry_order()
    {
        var sure = Entry(Draft(Value("10000013", record: 7), Value("総務部", record: 70), Line(1, Value("A1023456"), Value("3"))));
        Assert.Null(sure.FirstLowSelector(FormWith(sure)));

        var lowQuantity = Entry(Draft(Value("10000013", record: 7), Value("総務部", record: 70),
            Line(1, Value("A1023456"), Value("3")), Line(2, Value("B7654321"), Value("45", 70, "不確か")), Line(3, Value("C5550001", 50,
                "不確か"), Value("1"))));
        Assert.Equal(OrderLineGrid.FieldSelector(1, "qty"), lowQuantity.FirstLowSelector(FormWith(lowQuantity)));

        var lowDepartment = Entry(Draft(Value("10000013", record: 7), Value("総務部", 60, "部署を確認", record: 70), Line(1,
            Value("A1023456", 50,
            "不確か"), Value("3"))));
        Assert.Equal("#department", lowDepartment.FirstLowSelector(FormWith(lowDepartment)));

        var lowCustomer = Entry(Draft(Value("10000013", 55, "番号が違います", record: 7), Value("総務部", 60, "部署を確認",
            record: 70)));
        Assert.Equal("#customer-search", lowCustomer.FirstLowSelector(FormWith(lowCustomer)));
    }

    [Fact]
    public void A_focused_field_shows_its_crop_of_the_FAX_with_what_was_read_and_why_it_needs_a_look()
    {
        var low = Value("A1023456", 62, "A1O23456 は商品マスタにありません。A1023456 ですか？", read: "A1O23456");
        var entry = Entry(Draft(Value("10000013", record: 7), Value("総務部", record: 70), Line(1, low, Value("3"))));
        var form = FormWith(entry);
        var grid = _context.Render<OrderLineGrid>(p => p.Add(x => x.Form, form).Add(x => x.Recognized, entry)
            .Add(x => x.OnFocused, (RecognizedValue? v) => entry.Focused = v));
        Assert.Empty(grid.FindAll("[data-testid=read-crop]"));

        grid.Find(OrderLineGrid.FieldSelector(0, "code")).Focus();
        grid.Render();

        var crop = grid.Find("[data-line=\"0\"] [data-testid=read-crop]");
        // The box (400, 600, 200 × 50) with a 6 px margin, at the page's own scale.
        var style = crop.QuerySelector("[data-testid=read-crop-image]")!.GetAttribute("style");
        Assert.Contains("width: 212px; height: 62px", style);
        Assert.Contains($"background-image: url('fax/{FaxId}/pages/1.png')", style);
        Assert.Contains("background-position: -394px -594px", style);
        Assert.Contains("A1O23456", crop.TextContent);
        Assert.Equal(low.Reason, crop.QuerySelector("[data-testid=read-reason]")!.TextContent);

        // A field keyed by hand shows none.
        grid.Find(OrderLineGrid.FieldSelector(1, "code")).Focus();
        grid.Render();
        Assert.Empty(grid.FindAll("[data-testid=read-crop]"));
    }

    [Fact]
    public void A_wide_box_is_scaled_down_to_the_crop_width()
    {
        var comment = new RecognizedValue(9, "総務 山田", "総務 山田", 80, false, null, new FaxFieldBox(1, 100, 100, 708, 40));
        var entry = Entry(Draft(null, null, Line(1, Value("A1023456"), Value("3"), comment)));
        entry.Focused = comment;
        var mark = _context.Render<ReadMark>(p => p.Add(x => x.Value, comment).Add(x => x.Entry, entry));

        // 720 page pixels wide (708 + margins) shown 360 px wide: the page image at half size.
        Assert.Contains("width: 360px; height: 26px; background-image: url('fax/41/pages/1.png'); "
                        + "background-size: 620px 877px; background-position: -47px -47px",
            mark.Find("[data-testid=read-crop-image]").GetAttribute("style"));
    }

    [Fact]
    public void The_save_records_each_value_read_as_saved_and_each_field_keyed_that_was_not_read()
    {
        var customer = Value("10000013", record: 7);
        var department = Value("総務部", record: 70);
        var kept = Line(1, Value("A1023456"), Value("3"), Value("総務 山田"));
        var changed = Line(2, Value("B7654321"), Value("45", 70, "不確か"));
        var removed = Line(3, Value("C5550001"), Value("1"));
        var entry = Entry(Draft(customer, department, kept, changed, removed));
        var form = FormWith(entry);

        form.Lines[0].Quantity = "３";
        form.Lines[1].Quantity = "15";
        form.Lines[1].Comment = "至急";
        form.RemoveLine(2);
        (form.Lines[2].Code, form.Lines[2].Quantity) = ("J2468024", "2");
        form.DepartmentId = 71;

        var keyed = entry.Keyed(form);

        Assert.Equal(
        [
            new KeyedField(customer.FieldId, OrderFormField.CustomerCode, 0, "10000013", "10000013"),
            new KeyedField(department.FieldId, OrderFormField.Department, 0, "総務部", "営業部"),
            new KeyedField(kept.ProductCode!.FieldId, OrderFormField.ProductCode, 1, "A1023456", "A1023456"),
            new KeyedField(kept.Quantity!.FieldId, OrderFormField.Quantity, 1, "3", "３"),
            new KeyedField(kept.LineComment!.FieldId, OrderFormField.LineComment, 1, "総務 山田", "総務 山田"),
            new KeyedField(changed.ProductCode!.FieldId, OrderFormField.ProductCode, 2, "B7654321", "B7654321"),
            new KeyedField(changed.Quantity!.FieldId, OrderFormField.Quantity, 2, "45", "15"),
            new KeyedField(null, OrderFormField.LineComment, 2, null, "至急"),
            new KeyedField(removed.ProductCode!.FieldId, OrderFormField.ProductCode, 3, "C5550001", null),
            new KeyedField(removed.Quantity!.FieldId, OrderFormField.Quantity, 3, "1", null),
            new KeyedField(null, OrderFormField.ProductCode, 3, null, "J2468024"),
            new KeyedField(null, OrderFormField.Quantity, 3, null, "2"),
        ], keyed);
    }

    [Fact]
    public void A_customer_the_reading_could_not_name_is_recorded_as_keyed_by_the_agent()
    {
        var nobody = new RecognizedValue(null, "", "", 0, true, "FAX番号が複数のお客様に登録されています", null);
        var entry = Entry(Draft(nobody, null, Line(1, Value("A1023456"), Value("3"))));
        var form = FormWith(entry);
        form.DepartmentId = 70;

        Assert.Equal(
            [new KeyedField(null, OrderFormField.CustomerCode, 0, null, "10000013"), new KeyedField(null, OrderFormField.Department, 0,
                null, "総務部")],
            entry.Keyed(form).Take(2));
        Assert.Equal("#customer-search", entry.FirstLowSelector(form));
    }
}
