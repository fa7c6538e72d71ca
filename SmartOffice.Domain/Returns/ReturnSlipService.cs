using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Returns;

/// <summary>
/// 返品 (docs/business-rules.md §4): the desk keys a faxed 返品依頼書 against the original order and follows the slip
/// 受付 → 集荷手配 → 検品済 (accept/reject per line) → 返金処理 (credit ex-tax and tax per rate, shipping only for a full
/// return that was our fault, the order's points recomputed on what remains and the difference reversed, never below
/// zero) → 完了, or 却下 with a reason. Every step is audited (who, when) and checks the slip's version, so two agents
/// never overwrite each other. Dealer reps read their own customers' slips only. One file per use case: keying
/// (<c>.Keying</c>), the list and detail (<c>.List</c>), the workflow steps (<c>.Steps</c>) and the credit (<c>.Credit</c>).
/// </summary>
public sealed partial class ReturnSlipService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time,
    BusinessClock clock, IOptions<RulesOptions> rules, IOptions<DeskContactOptions> contact, FaxInboxLink faxInbox)
{
    private const string ChangedKey = "Returns.SlipChanged";
    private const string OrderChangedKey = "Returns.OrderChanged";
    private const int HistoryShown = 30;
    private const int NoteLength = 200;
    private const int HitsShown = 50;

    private static readonly ReturnSlipStatus[] OpenStatuses =
        [ReturnSlipStatus.Received, ReturnSlipStatus.PickupArranged, ReturnSlipStatus.Inspected, ReturnSlipStatus.Credited];

    private ReturnRules ReturnRules => new(rules.Value);

    private static string Code(string? text) => JapaneseInput.NormalizeCode(text).Replace(" ", "").ToUpperInvariant();

    private IQueryable<Order> VisibleOrders(SmartOfficeDbContext db)
    {
        var dealer = AccessPolicy.DealerScope(staff);
        var orders = db.Orders.AsNoTracking();
        return dealer is null ? orders : orders.Where(o => db.Customers.Any(c => c.Id == o.CustomerId && c.DealerId == dealer));
    }

    private IQueryable<ReturnSlip> Visible(SmartOfficeDbContext db)
    {
        var dealer = AccessPolicy.DealerScope(staff);
        var slips = db.ReturnSlips.AsNoTracking();
        return dealer is null ? slips : slips.Where(s => db.Customers.Any(c => c.Id == s.CustomerId && c.DealerId == dealer));
    }
}
