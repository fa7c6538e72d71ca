using SkiaSharp;

namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>The fields of the FAX order form the reader reads (the rest — company name, person — the agent reads).</summary>
public enum OrderFormField
{
    /// <summary>お客様番号.</summary>
    CustomerCode,
    /// <summary>部署.</summary>
    Department,
    /// <summary>FAX番号.</summary>
    FaxNumber,
    /// <summary>商品コード of a line.</summary>
    ProductCode,
    /// <summary>数量 of a line.</summary>
    Quantity,
    /// <summary>行コメント of a line.</summary>
    LineComment,
}

/// <summary>
/// Where everything is on smartoffice's FAX order form (FAX注文書, form SO-01 blank, SO-02 pre-filled), in form units:
/// A4 at 150 dpi, 1,240 × 1,754. The same numbers draw the form (<see cref="OrderFormSheet"/>) and read it
/// (<see cref="OrderFormReader"/>), so the printed form and the reader cannot drift apart. Four solid corner marks give
/// the reader the page's position, scale and skew; the table's ruled lines confirm it; the form ID box says which form.
/// </summary>
public static class OrderFormLayout
{
    public const float Width = 1240, Height = 1754, Margin = 90;

    /// <summary>Rows of the line table on every page: a longer order continues on a second form.</summary>
    public const int LineRows = 8;

    /// <summary>The corner marks: solid squares this size, their centres 60 units in from the left and right edges.</summary>
    public const float MarkSize = 40;

    public static readonly SKPoint[] MarkCentres = [new(60, 100), new(1180, 100), new(60, 1680), new(1180, 1680)];

    public const string BlankFormId = "SO-01", PrefilledFormId = "SO-02";

    /// <summary>The form ID, printed large at the top right.</summary>
    public static readonly SKRect FormIdBox = new(900, 118, 1150, 188);

    public const float TitleBaseline = 170, DeskLineBaseline = 225, RuleY = 245;

    /// <summary>The labelled header boxes: お客様番号, 会社名, 部署, ご担当者, FAX番号, one under the other.</summary>
    public const float HeaderTop = 290, HeaderRowHeight = 70, LabelWidth = 260;

    public const int CustomerCodeRow = 0, CompanyRow = 1, DepartmentRow = 2, PersonRow = 3, FaxNumberRow = 4, HeaderRows = 5;

    /// <summary>The line table: a header row, then <see cref="LineRows"/> rows; columns 商品コード, 商品名, 数量, 行コメント.</summary>
    public const float TableTop = 690, TableHeaderHeight = 60, RowHeight = 72;

    public static readonly float[] ColumnEdges = [Margin, 370, 730, 890, Width - Margin];

    public const int CodeColumn = 0, NameColumn = 1, QuantityColumn = 2, CommentColumn = 3;

    public const float NoteTop = 1370, NoteHeight = 150, FooterBaseline = 1620;

    public static float Right => Width - Margin;

    public static float TableBottom => TableTop + TableHeaderHeight + LineRows * RowHeight;

    /// <summary>The value part of a header box (right of its label).</summary>
    public static SKRect HeaderValue(int row) =>
        new(Margin + LabelWidth, HeaderTop + row * HeaderRowHeight, Right, HeaderTop + (row + 1) * HeaderRowHeight);

    /// <summary>The cell of a line row (0-based) and column.</summary>
    public static SKRect Cell(int row, int column)
    {
        var top = TableTop + TableHeaderHeight + row * RowHeight;
        return new SKRect(ColumnEdges[column], top, ColumnEdges[column + 1], top + RowHeight);
    }

    /// <summary>The box a field is written in; <paramref name="row"/> only for line fields.</summary>
    public static SKRect FieldBox(OrderFormField field, int row = 0) => field switch
    {
        OrderFormField.CustomerCode => HeaderValue(CustomerCodeRow),
        OrderFormField.Department => HeaderValue(DepartmentRow),
        OrderFormField.FaxNumber => HeaderValue(FaxNumberRow),
        OrderFormField.ProductCode => Cell(row, CodeColumn),
        OrderFormField.Quantity => Cell(row, QuantityColumn),
        _ => Cell(row, CommentColumn),
    };

    /// <summary>
    /// The y of every full-width ruled line the reader checks: the header boxes' edges and the table's row edges.
    /// </summary>
    public static IEnumerable<float> RuledLines()
    {
        for (var r = 0; r <= HeaderRows; r++)
            yield return HeaderTop + r * HeaderRowHeight;
        yield return TableTop;
        for (var r = 0; r <= LineRows; r++)
            yield return TableTop + TableHeaderHeight + r * RowHeight;
    }
}
