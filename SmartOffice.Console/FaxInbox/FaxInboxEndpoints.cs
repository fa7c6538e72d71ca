using SmartOffice.Domain;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.FaxInbox;

/// <summary>
/// A FAX page's image for the viewer beside the entry forms, and the order form to print for customers (blank or
/// pre-filled): plain GETs so the browser caches and prints them, behind the FAX inbox policy (desk agents, supervisors,
/// administrators); the domain services check the capability again.
/// </summary>
internal static class FaxInboxEndpoints
{
    public static string PageUrl(int itemId, int pageNumber) => $"fax/{itemId}/pages/{pageNumber}.png";

    /// <summary>The order form's image: blank, or pre-filled for a customer's department.</summary>
    public static string OrderFormUrl(int? customerId, int? departmentId) =>
        customerId is { } c ? $"fax-forms/order.png?customer={c}&department={departmentId}" : "fax-forms/order.png";

    public static void MapFaxInboxEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fax/{id:int}/pages/{page:int}.png", async (int id, int page, HttpContext http, FaxInboxService inbox) =>
        {
            try
            {
                var png = await inbox.GetPageAsync(id, page, http.RequestAborted);
                if (png is null)
                    return Results.NotFound();
                // A page never changes once imported: the viewer's zoom and page flips reuse it.
                http.Response.Headers.CacheControl = "private, max-age=86400";
                return Results.File(png, FaxPageRenderer.PngType);
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization(nameof(Capability.FaxOrderEntry));

        app.MapGet("/fax-forms/order.png", async (int? customer, int? department, HttpContext http, OrderFormPrintService forms) =>
        {
            try
            {
                var png = await forms.RenderAsync(customer, department, http.RequestAborted);
                // Pre-filled forms follow the customer's orders: the browser asks again each time.
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(png, FaxPageRenderer.PngType);
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
            catch (BusinessRuleException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound);
            }
        }).RequireAuthorization(nameof(Capability.FaxOrderEntry));
    }
}
