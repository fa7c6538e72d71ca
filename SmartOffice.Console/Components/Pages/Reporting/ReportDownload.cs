using Microsoft.JSInterop;
using SmartOffice.Domain.Reporting;

namespace SmartOffice.Console.Components.Pages.Reporting;

/// <summary>Saves a small ClosedXML workbook through the browser (the tables are a few hundred rows at most).</summary>
internal static class ReportDownload
{
    public static async Task SaveAsync(IJSRuntime js, string fileName, IEnumerable<ReportTable> tables, Func<string, string> text)
    {
        using var buffer = new MemoryStream();
        ReportWorkbook.Write(buffer, tables, text);
        buffer.Position = 0;
        using var stream = new DotNetStreamReference(buffer, leaveOpen: true);
        await js.InvokeVoidAsync("smartOfficeSaveFile", fileName, stream);
    }
}
