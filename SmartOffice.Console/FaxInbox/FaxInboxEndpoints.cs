using SmartOffice.Domain;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.FaxInbox;

/// <summary>
/// A FAX page's image for the viewer beside the entry forms: a plain GET so the browser caches it, behind the FAX inbox
/// policy (desk agents, supervisors, administrators); the domain service checks the capability again.
/// </summary>
internal static class FaxInboxEndpoints
{
    public static string PageUrl(int itemId, int pageNumber) => $"fax/{itemId}/pages/{pageNumber}.png";

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
    }
}
