using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartOffice.Console.Components.Pages.Ordering;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Rules;
using SmartOffice.Console.Tests.Support;

namespace SmartOffice.Console.Tests.Ordering;

/// <summary>What the entry page does before the domain sees anything: Excel blocks, typed dates, the draft it sends.</summary>
public sealed class OrderEntryFormTests
{
    private static readonly BusinessClock Clock = ClockAt(TestDatabase.JapanTime(2026, 11, 25, 16, 55));

    private static BusinessClock ClockAt(DateTimeOffset now)
    {
        var time = new FakeTimeProvider(now);
        return new BusinessClock(time, Options.Create(new RulesOptions()));
    }

    [Fact]
    public void An_Excel_block_gives_code_quantity_and_comment_per_row()
    {
        var lines = PastedLines.Parse("A1000001\t3\t総務 山田\r\nＢ１０００００２\t１０\r\nC1000003\r\n");

        Assert.Equal(
            [new PastedLine("A1000001", "3", "総務 山田"), new PastedLine("Ｂ１０００００２", "１０", ""),
                new PastedLine("C1000003", "", "")],
            lines);
    }

    [Fact]
    public void Empty_rows_are_skipped_and_cells_are_trimmed()
    {
        var lines = PastedLines.Parse(" A1000001 \t 2 \n\t\t\n\nA1000002\t1");

        Assert.Equal([new PastedLine("A1000001", "2", ""), new PastedLine("A1000002", "1", "")], lines);
    }

    [Fact]
    public void A_quoted_Excel_cell_keeps_its_quotes_and_its_line_break_becomes_a_space()
    {
        var lines = PastedLines.Parse("A1000001\t1\t\"2階 \"\"倉庫\"\"\n受付\"\nA1000002\t2");

        Assert.Equal([new PastedLine("A1000001", "1", "2階 \"倉庫\" 受付"), new PastedLine("A1000002", "2", "")], lines);
    }

    [Fact]
    public void A_whole_sheet_pasted_by_mistake_stops_at_the_limit()
    {
        var text = string.Join("\n", Enumerable.Range(0, 500).Select(i => $"A{i}\t1"));

        Assert.Equal(PastedLines.MaxLines, PastedLines.Parse(text).Count);
    }

    [Theory]
    [InlineData("2026/11/27", 2026, 11, 27)]
    [InlineData("2026-11-27", 2026, 11, 27)]
    [InlineData("20261127", 2026, 11, 27)]
    [InlineData("11/27", 2026, 11, 27)]
    [InlineData("１１／２７", 2026, 11, 27)]
    [InlineData("1127", 2026, 11, 27)]
    [InlineData("1/8", 2027, 1, 8)]
    [InlineData("2026年12月1日", 2026, 12, 1)]
    public void Dates_are_read_as_the_desk_types_them(string typed, int year, int month, int day)
    {
        Assert.True(EntryDates.TryParseUpcoming(typed, new DateOnly(2026, 11, 25), out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("11/31")]
    [InlineData("13/1")]
    [InlineData("tomorrow")]
    [InlineData("2026/02/30")]
    public void Not_a_date_is_refused(string typed) =>
        Assert.False(EntryDates.TryParseUpcoming(typed, new DateOnly(2026, 11, 25), out _));

    [Fact]
    public void The_draft_keeps_grid_positions_drops_trailing_blank_lines_and_uses_the_FAX_time_in_Japan_time()
    {
        var form = Form();
        form.Lines[0].Code = "A1000001";
        form.Lines[0].Quantity = "２";
        form.Lines[2].Code = "ＡＢ－１２３";
        form.Lines[2].Comment = "  ";
        form.ReceivedTime = "１６：５５";
        form.RequestedDate = "11/27";

        var draft = form.ToDraft(Clock)!;

        Assert.Equal(TestDatabase.JapanTime(2026, 11, 25, 16, 55), draft.FaxReceivedAt);
        Assert.Equal(new DateOnly(2026, 11, 27), draft.RequestedDeliveryDate);
        Assert.Equal(
            [new FaxOrderDraftLine("A1000001", "２", null), new FaxOrderDraftLine(null, null, null),
                new FaxOrderDraftLine("ＡＢ－１２３", null,
                null)],
            draft.Lines);
        Assert.Equal((7, 11, (int?)null), (draft.CustomerId, draft.DepartmentId, draft.ShipToId));
    }

    [Fact]
    public void No_draft_without_a_department_or_with_a_bad_time_or_date()
    {
        var form = Form();
        form.DepartmentId = null;
        Assert.Null(form.ToDraft(Clock));

        form = Form();
        form.ReceivedTime = "25:00";
        Assert.Null(form.ToDraft(Clock));

        form = Form();
        form.RequestedDate = "11/31";
        Assert.Null(form.ToDraft(Clock));
    }

    [Fact]
    public void A_paste_fills_from_the_line_it_lands_on_and_adds_lines_with_one_empty_line_after()
    {
        var form = Form();
        form.Lines[0].Code = "A1000001";

        var next = form.Paste(1, PastedLines.Parse(string.Join("\n", Enumerable.Range(2, 6).Select(i => $"A100000{i}\t{i}"))));

        Assert.Equal(7, next);
        Assert.Equal(8, form.Lines.Count);
        Assert.Equal(["A1000001", "A1000002", "A1000003", "A1000004", "A1000005", "A1000006", "A1000007", ""],
            form.Lines.Select(l => l.Code));
        Assert.Equal("7", form.Lines[6].Quantity);
    }

    [Fact]
    public void The_next_order_keeps_the_customer_and_ship_to_with_a_new_entry_key_and_empty_lines()
    {
        var form = Form();
        form.ShipToId = 3;
        form.Lines[0].Code = "A1000001";
        var key = form.EntryKey;

        form.NextOrder(Clock);

        Assert.NotEqual(key, form.EntryKey);
        Assert.Equal((7, 11, (int?)3), (form.Customer!.Customer.Id, form.DepartmentId!.Value, form.ShipToId));
        Assert.All(form.Lines, l => Assert.True(l.IsBlank));
        Assert.Equal(OrderEntryForm.InitialLines, form.Lines.Count);
    }

    private static OrderEntryForm Form()
    {
        var customer = new OrderingCustomer(new OrderingCustomerMatch(7, "C0000007", "株式会社テスト", "テスト", "03-1111-2222",
            "03-1111-3333", "本州",
            "販売店"),
            0m, false, new TimeOnly(17, 0), [new OrderingDepartment(11, "01", "総務部", "東京都", null, BudgetKind.Soft)], [], null);
        var form = new OrderEntryForm { Customer = customer, DepartmentId = 11 };
        form.ReceivedNow(Clock);
        return form;
    }
}
