using Microsoft.AspNetCore.Http.Features;
using SmartOffice.Domain.Reporting;

namespace SmartOffice.Console.Reporting;

/// <summary>
/// A download streamed to the browser as it is written (the browser saves to disk while rows are still read), with progress for
/// the page that started it (<see cref="ExportTracker"/>, by its ticket) and cancel. A cancelled or failed download drops the
/// connection, so a half file never looks complete.
/// </summary>
internal static class ExportResponse
{
    public static async Task<IResult> StreamAsync(HttpContext http, ExportTracker tracker, string staffId, ILogger log, string? ticket,
        string fileName, string contentType, int total, Func<Stream, IProgress<int>, CancellationToken, Task<ExportResult>> write)
    {
        var progress = tracker.Start(string.IsNullOrEmpty(ticket) ? Guid.NewGuid().ToString("N") : ticket, staffId, total);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, progress.Token);
        // The CSV writer is synchronous; these endpoints alone may write synchronously.
        http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = fileName, FileName = fileName,
        }.ToString();
        http.Response.Headers.CacheControl = "no-store";
        try
        {
            var result = await write(http.Response.Body, progress, cancel.Token);
            progress.Complete(result);
            log.LogInformation("Export {File}: {Lines} rows, {Replaced} characters replaced, by {Staff}", fileName, result.Lines,
                result.ReplacedCharacters, staffId);
        }
        catch (OperationCanceledException)
        {
            progress.End(ExportState.Cancelled);
            log.LogInformation("Export {File} cancelled after {Lines} rows by {Staff}", fileName, progress.Written, staffId);
            http.Abort();
        }
        catch (Exception e)
        {
            progress.End(ExportState.Failed);
            log.LogError(e, "Export {File} failed after {Lines} rows", fileName, progress.Written);
            http.Abort();
        }
        return Results.Empty;
    }
}
