using System.Globalization;
using SmartOffice.Domain.Demo;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Text;

namespace SmartOffice.Bench;

/// <summary>
/// How the drafts of one corpus (a resolution and a way of filling in) compare with what was really written. A field is
/// a line's product code or quantity; it is right when the draft's pre-filled value is exactly what was written, and
/// wrong-but-sure when it is not and the draft did not flag it. A line the draft invents (noise read as writing) counts
/// its fields as wrong; a line it misses counts them as wrong and not sure. A line is fully right when code, quantity and
/// comment are; a form when its customer and every line are, with no invented line.
/// </summary>
internal sealed class FaxRecognitionScore
{
    public int Forms, Pages, Fields, Right, Sure, SureWrong, Codes, CodesRight, Quantities, QuantitiesRight;
    public int Lines, LinesRight, FormsRight, Customers, CustomersRight, Comments, CommentsRight, NotFound;
    public double Seconds, CpuSeconds;
    public readonly List<string> Misses = [];

    public void Add(CorpusForm form, RecognizedOrderDraft draft, double seconds, double cpuSeconds, int pages)
    {
        Forms++;
        Pages += pages;
        Seconds += seconds;
        CpuSeconds += cpuSeconds;
        if (draft.Status != RecognitionStatus.Read)
            NotFound++;
        var customerRight = draft.Customer?.RecordId == form.Customer.Id;
        Customers++;
        CustomersRight += customerRight ? 1 : 0;
        var formRight = customerRight;
        var truthNumbers = new HashSet<int>();
        foreach (var line in form.Lines)
        {
            var number = (line.Page - 1) * OrderFormLayout.LineRows + line.Row + 1;
            truthNumbers.Add(number);
            var read = draft.Lines.FirstOrDefault(l => l.LineNumber == number);
            var codeRight = Field(read?.ProductCode, line.Code, ref Codes, ref CodesRight, $"code {line.Code}");
            var quantityRight = Field(read?.Quantity, line.Quantity, ref Quantities, ref QuantitiesRight, $"quantity {line.Quantity}");
            var commentRight = Fold(read?.LineComment?.Text) == Fold(line.Comment);
            Comments += line.Comment.Length > 0 ? 1 : 0;
            CommentsRight += line.Comment.Length > 0 && commentRight ? 1 : 0;
            var lineRight = codeRight && quantityRight && commentRight;
            Lines++;
            LinesRight += lineRight ? 1 : 0;
            formRight &= lineRight;
        }
        foreach (var invented in draft.Lines.Where(l => !truthNumbers.Contains(l.LineNumber)))
        {
            formRight = false;
            foreach (var value in new[] { invented.ProductCode, invented.Quantity })
            {
                Fields++;
                Sure += value is { IsLow: false } ? 1 : 0;
                SureWrong += value is { IsLow: false } ? 1 : 0;
            }
            Misses.Add($"invented line {invented.LineNumber}: {invented.ProductCode?.Text} × {invented.Quantity?.Text}");
        }
        FormsRight += formRight ? 1 : 0;
    }

    private bool Field(RecognizedValue? value, string truth, ref int count, ref int right, string what)
    {
        Fields++;
        count++;
        var isRight = value?.Text == truth;
        var sure = value is { IsLow: false };
        Right += isRight ? 1 : 0;
        right += isRight ? 1 : 0;
        Sure += sure ? 1 : 0;
        SureWrong += sure && !isRight ? 1 : 0;
        if (!isRight)
            Misses.Add($"{what}: read {value?.ReadText ?? "—"} → {value?.Text ?? "—"}{(sure ? " SURE" : "")} ({value?.Reason})");
        return isRight;
    }

    private static string Fold(string? text) => JapaneseInput.Normalize(text).Replace(" ", "", StringComparison.Ordinal);

    public static double Percent(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;

    public double SecondsPerPage => Pages == 0 ? 0 : Seconds / Pages;

    public double CpuSecondsPerPage => Pages == 0 ? 0 : CpuSeconds / Pages;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Forms} forms, {Pages} pages, {Fields} fields: right {Percent(Right, Fields):0.00} % " +
        $"(codes {Percent(CodesRight, Codes):0.00} %, " +
        $"quantities {Percent(QuantitiesRight, Quantities):0.00} %), sure {Percent(Sure, Fields):0.0} %, wrong but sure {SureWrong} " +
        $"({Percent(SureWrong, Fields):0.00} %); lines fully right {Percent(LinesRight, Lines):0.0} % " +
        $"(comments {Percent(CommentsRight, Comments):0.0} %), " +
        $"forms fully right {Percent(FormsRight, Forms):0.0} %, customer right {Percent(CustomersRight, Customers):0.0} %, " +
        $"form not found {NotFound}; " +
        $"{SecondsPerPage:0.000} s per page ({CpuSecondsPerPage:0.000} s of processor)");
}
