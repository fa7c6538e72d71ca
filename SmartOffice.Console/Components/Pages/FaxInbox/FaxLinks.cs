using SmartOffice.Console.Components.Pages.Points;
using SmartOffice.Console.Components.Pages.Prizes;
using SmartOffice.Console.Components.Pages.Returns;
using SmartOffice.Domain.FaxInbox;

namespace SmartOffice.Console.Components.Pages.FaxInbox;

/// <summary>The FAX inbox's addresses, and which form a FAX of each kind is keyed into (its id as <c>?fax=</c>).</summary>
public static class FaxLinks
{
    public const string Inbox = "fax";

    public static string Item(int id) => $"fax/{id}";

    /// <summary>Where a claimed FAX is worked on: the form for its kind beside the image, or the sorting page.</summary>
    public static string Work(FaxKind kind, int id) => kind switch
    {
        FaxKind.Order => $"orders/new?fax={id}",
        FaxKind.ReturnRequest => $"{ReturnsLinks.New}?fax={id}",
        FaxKind.BalanceRequest => $"points/requests?fax={id}",
        FaxKind.PrizeApplication => $"prizes/applications?fax={id}",
        _ => Item(id),
    };

    /// <summary>The record keyed from a FAX.</summary>
    public static string Keyed(FaxKeyedRecord record) => record.Kind switch
    {
        FaxKind.Order => $"orders/{record.Id}",
        FaxKind.ReturnRequest => ReturnsLinks.Slip(record.Id),
        FaxKind.BalanceRequest => PointsLinks.ReplySheet(record.Id),
        _ => PrizesLinks.Application(record.Id),
    };

    /// <summary>The kinds an agent sorts a FAX into, in the order the desk sees them most.</summary>
    public static readonly IReadOnlyList<FaxKind> Kinds =
        [FaxKind.Order, FaxKind.ReturnRequest, FaxKind.BalanceRequest, FaxKind.PrizeApplication, FaxKind.Other];
}
