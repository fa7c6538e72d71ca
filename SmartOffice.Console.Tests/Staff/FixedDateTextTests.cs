using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>
/// Hints and messages show no fixed date (「なし / 11/27」, "2026/11/25" went stale the day after they were written): the
/// format in words, or an example the page makes from today. Faxed sheets (SheetText) print real dates and are left out.
/// </summary>
public sealed partial class FixedDateTextTests
{
    [GeneratedRegex(@"\b\d{4}/\d{1,2}/\d{1,2}\b|(?<![\d:])\b\d{1,2}/\d{1,2}\b(?!/)")]
    private static partial Regex FixedDate();

    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    [Fact]
    public void No_UI_text_or_placeholder_carries_a_fixed_date()
    {
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root(), "SmartOffice.Console", "Resources"), "*.resx")
                     .Concat(Directory.GetFiles(Path.Combine(Root(), "SmartOffice.Domain", "Resources"), "*.resx"))
                     .Where(f => !Path.GetFileName(f).StartsWith("SheetText", StringComparison.Ordinal)))
        {
            foreach (var data in XDocument.Load(file).Root!.Elements("data"))
            {
                var value = data.Element("value")?.Value ?? "";
                if (FixedDate().IsMatch(value))
                    found.Add($"{Path.GetFileName(file)} {data.Attribute("name")!.Value}: {value}");
            }
        }
        foreach (var page in Directory.GetFiles(Path.Combine(Root(), "SmartOffice.Console", "Components"), "*.razor",
            SearchOption.AllDirectories))
        {
            foreach (Match placeholder in Regex.Matches(File.ReadAllText(page), "Placeholder=\"([^\"@]*)\"", RegexOptions.IgnoreCase))
            {
                if (FixedDate().IsMatch(placeholder.Groups[1].Value))
                    found.Add($"{Path.GetFileName(page)}: {placeholder.Value}");
            }
        }
        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
