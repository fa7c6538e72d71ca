using SmartOffice.Console.Components.Pages.Points;
using SmartOffice.Console.Components.Pages.Prizes;
using SmartOffice.Console.Components.Pages.Returns;
using SmartOffice.Domain.Auditing;

namespace SmartOffice.Console.Components.Pages.Auditing;

/// <summary>Where an audited record is shown: its own page, or the list or settings page it lives on.</summary>
public static class AuditLinks
{
    public const string Page = "audit";

    public static string? Record(AuditRow row) => (row.Entry.EntityType, row.RecordId) switch
    {
        ("Order", { } id) => $"orders/{id}",
        ("ReturnSlip", { } id) => ReturnsLinks.Slip(id),
        ("PrizeApplication", { } id) => PrizesLinks.Application(id),
        ("Customer" or "Department", { } customer) => $"customers/{customer}",
        ("WebUser", { } id) => $"lockouts/{id}",
        ("PointAccount", { } id) => PointsLinks.Account(id),
        ("BalanceRequest", { } id) => PointsLinks.ReplySheet(id),
        ("FaxInboxItem", { } id) => $"fax/{id}",
        ("Prize", _) => "prizes",
        ("CalendarDay", _) => "calendar",
        ("Region", _) => "regions",
        _ => null,
    };
}
