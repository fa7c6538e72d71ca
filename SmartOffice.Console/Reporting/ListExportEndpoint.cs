using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using SmartOffice.Domain;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Diagnostics;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Reporting;

/// <summary>
/// The one download endpoint of every list's export: <c>GET /exports/{list}?format=…&amp;q=…&amp;ticket=…</c>, where <c>q</c> is the
/// page's query as JSON. A plain GET, so the browser saves straight to disk while rows are still read. The list's page policy is
/// checked here; the list's service checks the caller again and applies the dealer scope as on the page.
/// </summary>
internal static class ListExportEndpoint
{
    public const string Path = "/exports";

    public static string Url(ListExport export, object? query, ExportFormat format, string ticket) =>
        $"{Path}/{export.Name}?format={format}&ticket={Uri.EscapeDataString(ticket)}&q={Uri.EscapeDataString(export.Serialize(query))}";

    public static void MapListExports(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path + "/{list}", async (string list, ExportFormat format, string? q, string? ticket, HttpContext http,
            IAuthorizationService authorization, ExportTracker tracker, ICurrentStaff staff, BusinessClock clock, ILoggerFactory logs) =>
        {
            if (ListExports.Find(list) is not { } export)
                return Results.NotFound();
            if (!(await authorization.AuthorizeAsync(http.User, export.Capability.ToString())).Succeeded)
                return Results.Forbid();
            ListExportRun run;
            try
            {
                run = await export.OpenAsync(http.RequestServices, q, http.RequestAborted);
            }
            catch (BusinessRuleException e)
            {
                return Results.Text(e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
            var (extension, contentType, suffix) = ExportPipeline.FileOf(format);
            var fileName = string.Create(CultureInfo.InvariantCulture, $"{export.Name}_{clock.Now:yyyyMMdd-HHmm}{suffix}.{extension}");
            return await ExportResponse.StreamAsync(http, tracker, staff.Id, logs.CreateLogger("SmartOffice.Console.Reporting.ListExport"),
                ticket,
                fileName, contentType, run.Total, async (body, progress, token) =>
                {
                    await using var sheet = await ExportPipeline.OpenAsync(format, body, run.SheetName, run.Columns, token,
                        http.RequestServices.GetService<ConsoleMetrics>());
                    return await run.WriteAsync(sheet, progress, token);
                });
        }).RequireAuthorization();
    }
}
