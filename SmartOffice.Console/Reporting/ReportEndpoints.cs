using System.Globalization;
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
    public static string PurchaseDownloadUrl(PurchaseDataQuery query, ExportFormat format, string ticket) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{PurchaseDownloadPath}?customer={query.CustomerId}{(query.DepartmentId is { } d ? $"&department={d}" : "")}&from" +
                $"={query.From:yyyy-MM-dd}&to={query.To:yyyy-MM-dd}&format={format}&ticket={Uri.EscapeDataString(ticket)}");

    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(PurchaseDownloadPath,
            async (int customer, int? department, DateOnly from, DateOnly to, ExportFormat format, string? ticket,
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

            return await ExportResponse.StreamAsync(http, tracker, staff.Id, log, ticket, plan.FileName, plan.ContentType, plan.Lines,
                (body, progress, token) => purchases.WriteAsync(plan, body, progress, token));
        }).RequireAuthorization(nameof(Capability.PurchaseDataDownload));
    }
}
