using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using SmartOffice.Domain;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Reporting;

/// <summary>
/// The streaming purchase data download: plain GET so the browser saves straight to disk while rows are still
/// being read (a circuit would have to hold the file). Same capability and dealer scope as the page — the domain
/// service checks both again.
/// </summary>
internal static class ReportEndpoints
{
    public const string PurchaseDownloadPath = "/reports/purchases/download";

    /// <summary>No department means the whole company: the parameter is left out (an empty value does not bind to int?, 400).</summary>
    public static string PurchaseDownloadUrl(PurchaseDataQuery query, PurchaseExportFormat format, string ticket) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{PurchaseDownloadPath}?customer={query.CustomerId}{(query.DepartmentId is { } d ? $"&department={d}" : "")}&from={query.From:yyyy-MM-dd}&to={query.To:yyyy-MM-dd}&format={format}&ticket={Uri.EscapeDataString(ticket)}");

    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(PurchaseDownloadPath, async (int customer, int? department, DateOnly from, DateOnly to, PurchaseExportFormat format, string? ticket,
            HttpContext http, PurchaseDataService purchases, ExportTracker tracker, ICurrentStaff staff, ILoggerFactory logs) =>
        {
            var log = logs.CreateLogger("SmartOffice.Console.Reporting.PurchaseDownload");
            PurchaseExportPlan plan;
            try
            {
                plan = await purchases.PlanAsync(new PurchaseDataQuery(customer, department, from, to), format, http.RequestAborted);
            }
            catch (BusinessRuleException e)
            {
                return Results.Text(e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }

            var progress = tracker.Start(string.IsNullOrEmpty(ticket) ? Guid.NewGuid().ToString("N") : ticket, staff.Id, plan.Lines);
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, progress.Token);
            // The SAX and zip writers are synchronous; this endpoint alone may write synchronously.
            http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
            http.Response.ContentType = plan.ContentType;
            http.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
            {
                FileNameStar = plan.FileName, FileName = plan.FileName,
            }.ToString();
            http.Response.Headers.CacheControl = "no-store";
            try
            {
                var result = await purchases.WriteAsync(plan, http.Response.Body, progress, cancel.Token);
                progress.Complete(result);
                log.LogInformation("Purchase data {File}: {Lines} lines, {Replaced} characters replaced, by {Staff}", plan.FileName, result.Lines, result.ReplacedCharacters, staff.Id);
            }
            catch (OperationCanceledException)
            {
                progress.End(ExportState.Cancelled);
                log.LogInformation("Purchase data {File} cancelled after {Lines} lines by {Staff}", plan.FileName, progress.Written, staff.Id);
                // Never let a half file look complete: drop the connection.
                http.Abort();
            }
            catch (Exception e)
            {
                progress.End(ExportState.Failed);
                log.LogError(e, "Purchase data {File} failed after {Lines} lines", plan.FileName, progress.Written);
                http.Abort();
            }
            return Results.Empty;
        }).RequireAuthorization(nameof(Capability.PurchaseDataDownload));
    }
}
