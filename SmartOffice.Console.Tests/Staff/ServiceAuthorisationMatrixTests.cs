using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.Ordering;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Jobs;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Warehouse;
using Xunit.Abstractions;
using static SmartOffice.Console.Tests.Staff.Outcome;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>Who calls: the five roles of docs/business-rules.md, the dealer rep twice — on their own dealer's record
/// and on the other dealer's.</summary>
public enum Caller { Anonymous, DeskAgent, OwnDealerRep, OtherDealerRep, Supervisor, Administrator }

/// <summary>What the caller must get.</summary>
public enum Outcome
{
    /// <summary>Runs to completion: the fixture gives each call what its use case needs, so a rule's refusal is a failure too.</summary>
    Y,
    /// <summary>Refused: <see cref="AccessDeniedException"/>, or the record is not found for this caller; nothing is written.</summary>
    N,
    /// <summary>Completes, and the answer holds nothing of the other dealer's customer (lists, searches, counts).</summary>
    Own,
}

/// <summary>
/// ASVS 8.2.2: every public method of every domain service × every caller, against docs/business-rules.md's role table, called directly
/// (pages are only a first line; the service is the one that must refuse). Each call runs on its own copy of
/// <see cref="MatrixDatabase"/>; a refused call must leave that copy exactly as it was. A dealer rep never gets the other
/// dealer's data back — not from the other dealer's records, and not through their own: histories, notes, warnings and
/// downloads of dealer B's records hold things of dealer A (a duplicate-phone note, a shared phone number), which dealer B's
/// rep must not see. The entry points are found by reflection: a service method without a row fails
/// <see cref="Every_domain_service_entry_point_has_a_row"/>.
/// </summary>
public sealed class ServiceAuthorisationMatrixTests(MatrixDatabase data, ITestOutputHelper output) : IClassFixture<MatrixDatabase>
{
    private static MatrixIds Ids(MatrixContext c) => c.Data.Ids;

    /// <summary>
    /// The table. Columns: anonymous, desk agent, dealer rep on their own dealer's record, dealer rep of dealer A on dealer
    /// B's record, supervisor, administrator. One row per entry point; the call uses dealer B's records of the fixture.
    /// </summary>
    private static readonly MatrixRow[] Rows =
    [
        //                                                                       anon desk own  other  super admin
        // FAX order entry: desk, supervisor, administrator; dealer reps never.
        Row<FaxOrderService>(nameof(FaxOrderService.FindCustomersAsync),          N, Y, N, N, Y, Y,
            (s, c) => s.FindCustomersAsync(MatrixDatabase.CustomerCode)),
        Row<FaxOrderService>(nameof(FaxOrderService.GetCustomerAsync),            N, Y, N, N, Y, Y,
            (s, c) => s.GetCustomerAsync(Ids(c).CustomerId)),
        Row<FaxOrderService>(nameof(FaxOrderService.QuoteAsync),                  N, Y, N, N, Y, Y, (s, c) => s.QuoteAsync(c.Draft)),
        Row<FaxOrderService>(nameof(FaxOrderService.SaveAsync),                   N, Y, N, N, Y, Y,
            (s, c) => s.SaveAsync(new(c.Draft, Guid.NewGuid(), DuplicateConfirmed: true))),
        Row<FaxOrderService>(nameof(FaxOrderService.GetOrderAsync),               N, Y, N, N, Y, Y,
            (s, c) => s.GetOrderAsync(Ids(c).OpenOrderId)),
        Row<FaxOrderService>(nameof(FaxOrderService.GetStockOutNoticeAsync),      N, Y, N, N, Y, Y,
            (s, c) => s.GetStockOutNoticeAsync(Ids(c).OpenOrderId)),
        Row<FaxOrderService>(nameof(FaxOrderService.RepeatAsync),                 N, Y, N, N, Y, Y,
            (s, c) => s.RepeatAsync(Ids(c).OpenOrderId)),
        Row<FaxOrderService>(nameof(FaxOrderService.VoidAsync),                   N, Y, N, N, Y, Y,
            (s, c) => s.VoidAsync(new(Ids(c).OpenOrderId, Ids(c).OpenOrderVersion, "二重入力"))),
        Row<FaxOrderService>(nameof(FaxOrderService.CorrectAsync),                N, Y, N, N, Y, Y,
            (s, c) => s.CorrectAsync(new(Ids(c).OpenOrderId, Ids(c).OpenOrderVersion, c.Draft, "数量訂正"))),
        // 在庫納期照会 and quotes (docs/product-enquiry-and-quotes.md): everyone reads, dealer reps their own customers only;
        // issuing a quote and keying one as an order is order entry's.
        Row<ProductEnquiryService>(nameof(ProductEnquiryService.FindCustomersAsync), N, Y, Y, Own, Y, Y,
            (s, c) => s.FindCustomersAsync(MatrixDatabase.CustomerCode)),
        Row<ProductEnquiryService>(nameof(ProductEnquiryService.SearchAsync),      N, Y, Y, N, Y, Y,
            (s, c) => s.SearchAsync(new("ペン", Ids(c).CustomerId))),
        Row<QuoteService>(nameof(QuoteService.IssueAsync),                         N, Y, N, N, Y, Y, (s, c) => s.IssueAsync(c.Draft)),
        Row<QuoteService>(nameof(QuoteService.GetAsync),                           N, Y, Y, N, Y, Y, (s, c) => s.GetAsync(c.Data.QuoteId)),
        Row<QuoteService>(nameof(QuoteService.ListAsync),                          N, Y, Y, Own, Y, Y,
            (s, c) => s.ListAsync(MatrixDatabase.CustomerCode)),
        Row<QuoteService>(nameof(QuoteService.ReviewAsync),                        N, Y, N, N, Y, Y,
            (s, c) => s.ReviewAsync(c.Data.QuoteId)),
        // FAX inbox: desk, supervisor, administrator; dealer reps never, not even for their own customer's FAX. Releasing
        // someone else's claim and dismissing a quarantined file is supervision. Reject and close act on the caller's own claim.
        Row<FaxInboxService>(nameof(FaxInboxService.ListAsync),                   N, Y, N, N, Y, Y,
            (s, c) => s.ListAsync(new(FaxInboxView.Open, 0, 50))),
        Row<FaxInboxService>(nameof(FaxInboxService.ExportAsync),                 N, Y, N, N, Y, Y,
            (s, c) => All(s.ExportAsync(FaxInboxView.Open))),
        Row<FaxInboxService>(nameof(FaxInboxService.GetAsync),                    N, Y, N, N, Y, Y, (s, c) => s.GetAsync(c.Fax.NewId)),
        Row<FaxInboxService>(nameof(FaxInboxService.GetPageAsync),                N, Y, N, N, Y, Y,
            (s, c) => s.GetPageAsync(c.Fax.NewId, 1)),
        Row<FaxInboxService>(nameof(FaxInboxService.ClaimAsync),                  N, Y, N, N, Y, Y, (s, c) => s.ClaimAsync(c.Fax.NewId)),
        Row<FaxInboxService>(nameof(FaxInboxService.ReleaseAsync),                N, N, N, N, Y, Y,
            (s, c) => s.ReleaseAsync(c.Fax.HeldByColleagueId)),
        Row<FaxInboxService>(nameof(FaxInboxService.SetKindAsync),                N, Y, N, N, Y, Y,
            (s, c) => s.SetKindAsync(c.Fax.NewId, FaxKind.Order)),
        Row<FaxInboxService>(nameof(FaxInboxService.RejectAsync),                 N, Y, N, N, Y, Y,
            (s, c) => s.RejectAsync(c.FaxHeldByCaller, "判読不能")),
        Row<FaxInboxService>(nameof(FaxInboxService.CloseOtherAsync),             N, Y, N, N, Y, Y,
            (s, c) => s.CloseOtherAsync(c.FaxHeldByCaller, "販売店へ転送")),
        Row<FaxInboxService>(nameof(FaxInboxService.UploadAsync),                 N, Y, N, N, Y, Y,
            (s, c) => s.UploadAsync(new("20261125095500_0322224444.png", MatrixDatabase.FaxPage, c.Now.AddMinutes(-5), null))),
        Row<FaxInboxService>(nameof(FaxInboxService.IssuesAsync),                 N, Y, N, N, Y, Y, (s, c) => s.IssuesAsync()),
        Row<FaxInboxService>(nameof(FaxInboxService.DismissIssueAsync),           N, N, N, N, Y, Y,
            (s, c) => s.DismissIssueAsync(c.Fax.IssueId)),
        // FAX recognition (#25): the pre-filled draft and the forms to print with the FAX inbox; the accuracy page is supervision.
        Row<FaxRecognitionService>(nameof(FaxRecognitionService.DraftAsync),      N, Y, N, N, Y, Y, (s, c) => s.DraftAsync(c.Fax.NewId)),
        Row<FaxRecognitionService>(nameof(FaxRecognitionService.AccuracyAsync),   N, N, N, N, Y, Y,
            (s, c) => s.AccuracyAsync(new(c.Range.From, c.Range.To))),
        Row<OrderFormPrintService>(nameof(OrderFormPrintService.PreprintAsync),   N, Y, N, N, Y, Y,
            (s, c) => s.PreprintAsync(Ids(c).CustomerId, Ids(c).DepartmentId)),
        Row<OrderFormPrintService>(nameof(OrderFormPrintService.RenderAsync),     N, Y, N, N, Y, Y,
            (s, c) => s.RenderAsync(Ids(c).CustomerId, Ids(c).DepartmentId)),
        // Order search and detail: everyone signed in; dealer reps their own dealer's customers, read.
        Row<OrderSearchService>(nameof(OrderSearchService.SearchAsync),           N, Y, Y, Own, Y, Y,
            (s, c) => s.SearchAsync(new(null, null, null, null, null, null, 0, 50))),
        Row<OrderSearchService>(nameof(OrderSearchService.ExportAsync),           N, Y, Y, Own, Y, Y,
            (s, c) => All(s.ExportAsync(new(null, null, null, null, null, null, 0, 50)))),
        Row<OrderSearchService>(nameof(OrderSearchService.GetAsync),              N, Y, Y, N, Y, Y,
            (s, c) => s.GetAsync(Ids(c).OpenOrderId)),
        Row<OrderSearchService>(nameof(OrderSearchService.HistoryAsync),          N, Y, Y, N, Y, Y,
            (s, c) => s.HistoryAsync(Ids(c).OpenOrderId)),
        // Return slips: everyone reads (reps their own customers); desk, supervisor, administrator key and process.
        Row<ReturnSlipService>(nameof(ReturnSlipService.FindOrdersAsync),         N, Y, Y, Own, Y, Y,
            (s, c) => s.FindOrdersAsync(new(Ids(c).DeliveredOrderNumber, null, null, null))),
        Row<ReturnSlipService>(nameof(ReturnSlipService.GetOrderAsync),           N, Y, Y, N, Y, Y,
            (s, c) => s.GetOrderAsync(Ids(c).DeliveredOrderId)),
        Row<ReturnSlipService>(nameof(ReturnSlipService.CreateAsync),             N, Y, N, N, Y, Y,
            (s, c) => s.CreateAsync(new(Ids(c).DeliveredOrderId, MatrixDatabase.CustomerCode, null,
                [new(Ids(c).DeliveredLineId, 1, ReturnReason.ImageDiffers, true)]))),
        Row<ReturnSlipService>(nameof(ReturnSlipService.FindAsync),               N, Y, Y, Own, Y, Y,
            (s, c) => s.FindAsync(new(null, false, null, 0, 50))),
        Row<ReturnSlipService>(nameof(ReturnSlipService.ExportAsync),             N, Y, Y, Own, Y, Y,
            (s, c) => All(s.ExportAsync(new(null, false, null, 0, 50)))),
        Row<ReturnSlipService>(nameof(ReturnSlipService.CountsAsync),             N, Y, Y, Own, Y, Y, (s, c) => s.CountsAsync()),
        Row<ReturnSlipService>(nameof(ReturnSlipService.GetAsync),                N, Y, Y, N, Y, Y,
            (s, c) => s.GetAsync(Ids(c).ReceivedSlipId)),
        Row<ReturnSlipService>(nameof(ReturnSlipService.NoticeAsync),             N, Y, Y, N, Y, Y,
            (s, c) => s.NoticeAsync(Ids(c).InspectedSlipId)),
        Row<ReturnSlipService>(nameof(ReturnSlipService.ArrangePickupAsync),      N, Y, N, N, Y, Y,
            (s, c) => s.ArrangePickupAsync(Ids(c).ReceivedSlipId, Ids(c).ReceivedSlipVersion)),
        Row<ReturnSlipService>(nameof(ReturnSlipService.InspectAsync),            N, Y, N, N, Y, Y,
            (s, c) => s.InspectAsync(Ids(c).ArrangedSlipId, Ids(c).ArrangedSlipVersion, [new(Ids(c).ArrangedSlipLineId, true)])),
        Row<ReturnSlipService>(nameof(ReturnSlipService.CreditAsync),             N, Y, N, N, Y, Y,
            (s, c) => s.CreditAsync(Ids(c).InspectedSlipId, Ids(c).InspectedSlipVersion)),
        Row<ReturnSlipService>(nameof(ReturnSlipService.CompleteAsync),           N, Y, N, N, Y, Y,
            (s, c) => s.CompleteAsync(Ids(c).CreditedSlipId, Ids(c).CreditedSlipVersion)),
        Row<ReturnSlipService>(nameof(ReturnSlipService.RejectAsync),             N, Y, N, N, Y, Y,
            (s, c) => s.RejectAsync(Ids(c).ReceivedSlipId, Ids(c).ReceivedSlipVersion, "開封済み")),
        // Web-user lockout: everyone sees lock status (reps their own customers); desk, supervisor, administrator unlock;
        // the 管理者 flag and removal are account customisation (reps of the customer's dealer, supervisor, administrator).
        Row<WebUserLockoutService>(nameof(WebUserLockoutService.FindAsync),       N, Y, Y, Own, Y, Y,
            (s, c) => s.FindAsync(new(null, false, 0, 50))),
        Row<WebUserLockoutService>(nameof(WebUserLockoutService.ExportAsync),     N, Y, Y, Own, Y, Y,
            (s, c) => All(s.ExportAsync(new(null, false, 0, 50)))),
        Row<WebUserLockoutService>(nameof(WebUserLockoutService.GetAsync),        N, Y, Y, N, Y, Y,
            (s, c) => s.GetAsync(Ids(c).LockedUserId)),
        Row<WebUserLockoutService>(nameof(WebUserLockoutService.DepartmentsOfCustomerAsync), N, Y, N, N, Y, Y,
            (s, c) => s.DepartmentsOfCustomerAsync(MatrixDatabase.CustomerCode)),
        Row<WebUserLockoutService>(nameof(WebUserLockoutService.UnlockAsync),     N, Y, N, N, Y, Y,
            (s, c) => s.UnlockAsync(new(Ids(c).LockedUserId, Ids(c).LockedUserVersion, c.Verification, true))),
        Row<WebUserLockoutService>(nameof(WebUserLockoutService.ForgottenUserIdsAsync), N, Y, N, N, Y, Y,
            (s, c) => s.ForgottenUserIdsAsync(c.Verification)),
        Row<WebUserLockoutService>(nameof(WebUserLockoutService.SetAdministratorAsync), N, N, Y, N, Y, Y,
            (s, c) => s.SetAdministratorAsync(new(Ids(c).PlainUserId, Ids(c).PlainUserVersion, true, "山田 花子 様(電話)"))),
        Row<WebUserLockoutService>(nameof(WebUserLockoutService.RemoveAsync),     N, N, Y, N, Y, Y,
            (s, c) => s.RemoveAsync(Ids(c).PlainUserId, Ids(c).PlainUserVersion, "山田 花子 様(電話)")),
        // Account customisation: desk agents read; reps of the customer's dealer read and write; supervisor, administrator.
        Row<CustomerAccountService>(nameof(CustomerAccountService.FindAsync),     N, Y, Y, Own, Y, Y,
            (s, c) => s.FindAsync(new("", 0, 100))),
        Row<CustomerAccountService>(nameof(CustomerAccountService.ExportAsync),   N, Y, Y, Own, Y, Y,
            (s, c) => All(s.ExportAsync(new("", 0, 100)))),
        Row<CustomerAccountService>(nameof(CustomerAccountService.GetAsync),      N, Y, Y, N, Y, Y,
            (s, c) => s.GetAsync(Ids(c).CustomerId)),
        Row<CustomerPanelService>(nameof(CustomerPanelService.GetAsync),          N, Y, Y, N, Y, Y,
            (s, c) => s.GetAsync(Ids(c).CustomerId)),
        Row<CustomerAccountService>(nameof(CustomerAccountService.HistoryAsync),  N, Y, Y, N, Y, Y,
            (s, c) => s.HistoryAsync(Ids(c).CustomerId)),
        Row<CustomerAccountService>(nameof(CustomerAccountService.UpdateSettingsAsync), N, N, Y, N, Y, Y,
            (s, c) => s.UpdateSettingsAsync(
            new(Ids(c).CustomerId, Ids(c).CustomerVersion, new(false, null, 3, "備考", null), MatrixDatabase.ByFax))),
        Row<CustomerAccountService>(nameof(CustomerAccountService.SaveDepartmentAsync), N, N, Y, N, Y, Y,
            (s, c) => s.SaveDepartmentAsync(
            new(Ids(c).CustomerId, null, 0, "経理部", "100-0001", "東京都", null, 100_000, BudgetKind.Hard, MatrixDatabase.ByFax))),
        Row<CustomerAccountService>(nameof(CustomerAccountService.SaveShipToAsync), N, N, Y, N, Y, Y,
            (s, c) => s.SaveShipToAsync(new(Ids(c).CustomerId, null, 0, "名古屋支店", "450-0001", "愛知県", null, MatrixDatabase.ByFax))),
        Row<CustomerAccountService>(nameof(CustomerAccountService.DeactivateShipToAsync), N, N, Y, N, Y, Y,
            (s, c) => s.DeactivateShipToAsync(Ids(c).CustomerId, Ids(c).ShipToId, Ids(c).ShipToVersion, MatrixDatabase.ByFax)),
        Row<CustomerAccountService>(nameof(CustomerAccountService.SaveWebUserAsync), N, N, Y, N, Y, Y,
            (s, c) => s.SaveWebUserAsync(new(Ids(c).CustomerId, null, 0, Ids(c).DepartmentId, "佐藤 次郎", null, false, MatrixDatabase.ByFax))),
        Row<CustomerAccountService>(nameof(CustomerAccountService.DeactivateWebUserAsync), N, N, Y, N, Y, Y,
            (s, c) => s.DeactivateWebUserAsync(Ids(c).CustomerId, Ids(c).PlainUserId, Ids(c).PlainUserVersion, MatrixDatabase.ByFax)),
        Row<CustomerAccountService>(nameof(CustomerAccountService.AddOrderLockAsync), N, N, Y, N, Y, Y,
            (s, c) => s.AddOrderLockAsync(
            new(Ids(c).CustomerId, Ids(c).CustomerVersion, OrderLockKind.Category, OrderingTestData.LockableCategory,
            MatrixDatabase.ByFax))),
        Row<CustomerAccountService>(nameof(CustomerAccountService.RemoveOrderLockAsync), N, N, Y, N, Y, Y,
            (s, c) => s.RemoveOrderLockAsync(Ids(c).CustomerId, Ids(c).CustomerVersion, Ids(c).OrderLockId, MatrixDatabase.ByFax)),
        Row<CustomerAccountService>(nameof(CustomerAccountService.SetApprovalAsync), N, N, Y, N, Y, Y,
            (s, c) => s.SetApprovalAsync(
            new(Ids(c).DepartmentId, Ids(c).DepartmentVersion, ApprovalCondition.AllOrders, null, Ids(c).AdministratorId, null,
            MatrixDatabase.ByFax))),
        // Registration and change forms: desk, reps for their own dealer, supervisor, administrator.
        Row<CustomerRegistrationService>(nameof(CustomerRegistrationService.ChoicesAsync), N, Y, Y, Own, Y, Y, (s, c) => s.ChoicesAsync()),
        Row<CustomerRegistrationService>(nameof(CustomerRegistrationService.DuplicatesByPhoneAsync), N, Y, Y, Own, Y, Y,
            (s, c) => s.DuplicatesByPhoneAsync("03-2222-3333")),
        Row<CustomerRegistrationService>(nameof(CustomerRegistrationService.RegisterAsync), N, Y, Y, N, Y, Y,
            (s, c) => s.RegisterAsync(new("株式会社新規", "シンキ", "100-0001", "東京都", "03-9999-0000", null,
                Ids(c).RegionId, Ids(c).DealerId, "総務部", "新井 一郎", null, true, MatrixDatabase.ByFax))),
        Row<CustomerRegistrationService>(nameof(CustomerRegistrationService.ChangeAsync), N, Y, Y, N, Y, Y,
            (s, c) => s.ChangeAsync(new(Ids(c).CustomerId, Ids(c).CustomerVersion, $"株式会社テスト{MatrixDatabase.CustomerCode}", "テスト",
                "100-0001", "東京都港区9-9", "03-2222-3333", "03-2222-4444", MatrixDatabase.ByFax))),
        // Points: everyone views (reps their own customers, read); desk, supervisor, administrator process; adjustment
        // supervisor and administrator.
        Row<PointAccountService>(nameof(PointAccountService.FindAsync),           N, Y, Y, Own, Y, Y,
            (s, c) => s.FindAsync(new(null, 0, 50))),
        Row<PointAccountService>(nameof(PointAccountService.ExportAsync),         N, Y, Y, Own, Y, Y,
            (s, c) => All(s.ExportAsync(new(null, 0, 50)))),
        Row<PointAccountService>(nameof(PointAccountService.GetAsync),            N, Y, Y, N, Y, Y,
            (s, c) => s.GetAsync(Ids(c).UserAccountId)),
        Row<PointAccountService>(nameof(PointAccountService.BalanceAsOfAsync),    N, Y, Y, N, Y, Y,
            (s, c) => s.BalanceAsOfAsync(Ids(c).UserAccountId, new DateOnly(2026, 11, 1))),
        Row<PointAccountService>(nameof(PointAccountService.HistoryAsync),        N, Y, Y, N, Y, Y,
            (s, c) => s.HistoryAsync(Ids(c).UserAccountId, 0, 20)),
        Row<PointAccountService>(nameof(PointAccountService.TotalsAsync),         N, Y, Y, N, Y, Y,
            (s, c) => s.TotalsAsync(Ids(c).CustomerId)),
        Row<PointAccountService>(nameof(PointAccountService.SameDepartmentAsync), N, Y, Y, N, Y, Y,
            (s, c) => s.SameDepartmentAsync(Ids(c).UserAccountId)),
        Row<PointAccountService>(nameof(PointAccountService.ConsolidateAsync),    N, Y, N, N, Y, Y,
            (s, c) => s.ConsolidateAsync(new(Ids(c).UserAccountId, Ids(c).DepartmentAccountId, 100, Ids(c).UserAccountVersion, "山田 花子"))),
        Row<PointAccountService>(nameof(PointAccountService.AdjustAsync),         N, N, N, N, Y, Y,
            (s, c) => s.AdjustAsync(new(Ids(c).UserAccountId, 50, "お詫び", Ids(c).UserAccountVersion))),
        Row<BalanceRequestService>(nameof(BalanceRequestService.RegisterAsync),   N, Y, N, N, Y, Y,
            (s, c) => s.RegisterAsync(new(MatrixDatabase.CustomerCode, Ids(c).DepartmentId, null))),
        Row<BalanceRequestService>(nameof(BalanceRequestService.DepartmentsOfCustomerAsync), N, Y, N, N, Y, Y,
            (s, c) => s.DepartmentsOfCustomerAsync(MatrixDatabase.CustomerCode)),
        Row<BalanceRequestService>(nameof(BalanceRequestService.ListAsync),       N, Y, Y, Own, Y, Y, (s, c) => s.ListAsync(false, 0, 50)),
        Row<BalanceRequestService>(nameof(BalanceRequestService.ExportAsync),     N, Y, Y, Own, Y, Y, (s, c) => All(s.ExportAsync(false))),
        Row<BalanceRequestService>(nameof(BalanceRequestService.ReplySheetAsync), N, Y, Y, N, Y, Y,
            (s, c) => s.ReplySheetAsync(Ids(c).BalanceRequestId)),
        Row<BalanceRequestService>(nameof(BalanceRequestService.MarkSentAsync),   N, Y, N, N, Y, Y,
            (s, c) => s.MarkSentAsync(Ids(c).BalanceRequestId, Ids(c).BalanceRequestVersion)),
        // Prizes: the catalogue is no customer's data (everyone signed in reads it); supervisors and administrators edit it;
        // applications follow points.
        Row<PrizeCatalogService>(nameof(PrizeCatalogService.ListAsync),           N, Y, Y, Y, Y, Y, (s, c) => s.ListAsync(false)),
        Row<PrizeCatalogService>(nameof(PrizeCatalogService.SaveAsync),           N, N, N, N, Y, Y,
            (s, c) => s.SaveAsync(new(Ids(c).PrizeId, Ids(c).PrizeVersion, "PZ0001", "ギフトカード", 120, 40, new DateOnly(2026, 1, 1), null))),
        Row<PrizeCatalogService>(nameof(PrizeCatalogService.SetImageAsync),       N, N, N, N, Y, Y,
            (s, c) => s.SetImageAsync(Ids(c).PrizeId, Ids(c).PrizeVersion, [0x89, 0x50, 0x4E, 0x47], "image/png")),
        Row<PrizeCatalogService>(nameof(PrizeCatalogService.ImageAsync),          N, Y, Y, Y, Y, Y, (s, c) => s.ImageAsync(Ids(c).PrizeId)),
        Row<PrizeApplicationService>(nameof(PrizeApplicationService.ApplyAsync),  N, Y, N, N, Y, Y,
            (s, c) => s.ApplyAsync(new(Ids(c).UserAccountId, Ids(c).PrizeId, 1, OrderChannel.Fax, null))),
        Row<PrizeApplicationService>(nameof(PrizeApplicationService.FindAsync),   N, Y, Y, Own, Y, Y,
            (s, c) => s.FindAsync(new(null, 0, 50))),
        Row<PrizeApplicationService>(nameof(PrizeApplicationService.ExportAsync), N, Y, Y, Own, Y, Y,
            (s, c) => All(s.ExportAsync(new(null, 0, 50)))),
        Row<PrizeApplicationService>(nameof(PrizeApplicationService.CountsAsync), N, Y, Y, Own, Y, Y, (s, c) => s.CountsAsync()),
        Row<PrizeApplicationService>(nameof(PrizeApplicationService.GetAsync),    N, Y, Y, N, Y, Y,
            (s, c) => s.GetAsync(Ids(c).ReceivedApplicationId)),
        Row<PrizeApplicationService>(nameof(PrizeApplicationService.ArrangeAsync), N, Y, N, N, Y, Y,
            (s, c) => s.ArrangeAsync(Ids(c).ReceivedApplicationId, Ids(c).ReceivedApplicationVersion)),
        Row<PrizeApplicationService>(nameof(PrizeApplicationService.ShipAsync),   N, Y, N, N, Y, Y,
            (s, c) => s.ShipAsync(Ids(c).ArrangedApplicationId, Ids(c).ArrangedApplicationVersion, "佐川急便", "9999-0000")),
        Row<PrizeApplicationService>(nameof(PrizeApplicationService.CompleteAsync), N, Y, N, N, Y, Y,
            (s, c) => s.CompleteAsync(Ids(c).ShippedApplicationId, Ids(c).ShippedApplicationVersion)),
        Row<PrizeApplicationService>(nameof(PrizeApplicationService.CancelAsync), N, Y, N, N, Y, Y,
            (s, c) => s.CancelAsync(Ids(c).ReceivedApplicationId, Ids(c).ReceivedApplicationVersion, "お客様の依頼")),
        // Purchase data and the eco report: everyone signed in, reps their own customers.
        Row<PurchaseDataService>(nameof(PurchaseDataService.FindCustomersAsync),  N, Y, Y, Own, Y, Y,
            (s, c) => s.FindCustomersAsync(MatrixDatabase.CustomerCode)),
        Row<PurchaseDataService>(nameof(PurchaseDataService.PlanAsync),           N, Y, Y, N, Y, Y,
            (s, c) => s.PlanAsync(c.Purchases, ExportFormat.Xlsx)),
        Row<PurchaseDataService>(nameof(PurchaseDataService.WriteAsync),          N, Y, Y, N, Y, Y,
            (s, c) => s.WriteAsync(new(c.Purchases, ExportFormat.CsvUtf8, MatrixDatabase.CustomerCode, 0, "p.csv", "text/csv"),
            c.Download)),
        Row<EcoReportService>(nameof(EcoReportService.GetAsync),                  N, Y, Y, N, Y, Y,
            (s, c) => s.GetAsync(new(Ids(c).CustomerId, null, new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 1)))),
        // The dashboard: every signed-in member of staff, reps counting their own customers only.
        Row<DashboardService>(nameof(DashboardService.GetAsync),                  N, Y, Y, Own, Y, Y, (s, c) => s.GetAsync()),
        // Operations reports, business calendar, regions/cutoffs, job runs: supervisor and administrator.
        Row<OperationsReportService>(nameof(OperationsReportService.AllAsync),    N, N, N, N, Y, Y, (s, c) => s.AllAsync(c.Range)),
        Row<OperationsReportService>(nameof(OperationsReportService.FaxOrdersByHourAsync), N, N, N, N, Y, Y,
            (s, c) => s.FaxOrdersByHourAsync(c.Range)),
        Row<OperationsReportService>(nameof(OperationsReportService.KeyingLeadTimeAsync), N, N, N, N, Y, Y,
            (s, c) => s.KeyingLeadTimeAsync(c.Range)),
        Row<OperationsReportService>(nameof(OperationsReportService.OrdersPerAgentAsync), N, N, N, N, Y, Y,
            (s, c) => s.OrdersPerAgentAsync(c.Range)),
        Row<OperationsReportService>(nameof(OperationsReportService.ReturnsByReasonAsync), N, N, N, N, Y, Y,
            (s, c) => s.ReturnsByReasonAsync(c.Range)),
        Row<OperationsReportService>(nameof(OperationsReportService.LockoutsAsync), N, N, N, N, Y, Y, (s, c) => s.LockoutsAsync(c.Range)),
        Row<OperationsReportService>(nameof(OperationsReportService.PointLiabilityAsync), N, N, N, N, Y, Y,
            (s, c) => s.PointLiabilityAsync()),
        Row<OperationsReportService>(nameof(OperationsReportService.PrizeBacklogAsync), N, N, N, N, Y, Y, (s, c) => s.PrizeBacklogAsync()),
        Row<BusinessCalendarService>(nameof(BusinessCalendarService.GetMonthAsync), N, N, N, N, Y, Y, (s, c) => s.GetMonthAsync(2026, 12)),
        Row<BusinessCalendarService>(nameof(BusinessCalendarService.RecentChangesAsync), N, N, N, N, Y, Y,
            (s, c) => s.RecentChangesAsync(10)),
        Row<BusinessCalendarService>(nameof(BusinessCalendarService.AddClosureAsync), N, N, N, N, Y, Y,
            (s, c) => s.AddClosureAsync(new DateOnly(2026, 12, 24), "社内行事")),
        Row<BusinessCalendarService>(nameof(BusinessCalendarService.AddHolidayAsync), N, N, N, N, Y, Y,
            (s, c) => s.AddHolidayAsync(new DateOnly(2027, 2, 22), "臨時休日")),
        Row<BusinessCalendarService>(nameof(BusinessCalendarService.RemoveAsync), N, N, N, N, Y, Y,
            (s, c) => s.RemoveAsync(Ids(c).ClosureId, Ids(c).ClosureVersion)),
        Row<RegionSettingsService>(nameof(RegionSettingsService.ListAsync),       N, N, N, N, Y, Y, (s, c) => s.ListAsync()),
        Row<RegionSettingsService>(nameof(RegionSettingsService.UpdateAsync),     N, N, N, N, Y, Y,
            (s, c) => s.UpdateAsync(new(Ids(c).RegionId, Ids(c).RegionVersion, new TimeOnly(16, 30), new TimeOnly(17, 30), 0))),
        Row<JobRunService>(nameof(JobRunService.LastRunsAsync),                   N, N, N, N, Y, Y, (s, c) => s.LastRunsAsync()),
        // Warehouse results: supervisor and administrator. Delivery-date correction: desk, supervisor, administrator.
        Row<WarehouseService>(nameof(WarehouseService.OverviewAsync),             N, N, N, N, Y, Y, (s, c) => s.OverviewAsync()),
        Row<WarehouseService>(nameof(WarehouseService.ScanNowAsync),              N, N, N, N, Y, Y, async (s, c) =>
        {
            // The share with the warehouse is connected (the watcher creates it at start; there is no watcher here).
            Directory.CreateDirectory(c.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WarehouseOptions>>()
                .Value.ResultsFolder);
            await s.ScanNowAsync();
        }),
        // Stock and receipts (在庫・入荷): supervisor and administrator, as the warehouse page. Cancelling a back order: the desk.
        Row<StockService>(nameof(StockService.OverviewAsync),                     N, N, N, N, Y, Y, (s, c) => s.OverviewAsync()),
        Row<StockService>(nameof(StockService.RecordReceiptAsync),                N, N, N, N, Y, Y,
            (s, c) => s.RecordReceiptAsync(new(OrderingTestData.Scarce, "3", "2026/11/20"))),
        Row<StockService>(nameof(StockService.ScanNowAsync),                      N, N, N, N, Y, Y, async (s, c) =>
        {
            Directory.CreateDirectory(c.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WarehouseOptions>>()
                .Value.StockFolder);
            await s.ScanNowAsync();
        }),
        Row<BackOrderService>(nameof(BackOrderService.CancelAsync),               N, Y, N, N, Y, Y, (s, c) =>
            s.CancelAsync(new(c.Data.BackOrder.OrderId, c.Data.BackOrder.Version, c.Data.BackOrder.LineNumber, "お客様のご依頼"))),
        // Stock-out notices, special-order dates and the follow-up: the desk, as keying FAX orders (docs/stock-out-and-special-orders.md).
        Row<StockOutNoticeService>(nameof(StockOutNoticeService.MarkSentAsync),   N, Y, N, N, Y, Y,
            (s, c) => s.MarkSentAsync(c.Data.BackOrder.OrderId, c.Data.BackOrder.Version)),
        Row<SpecialOrderService>(nameof(SpecialOrderService.RecordAdvisedDateAsync), N, Y, N, N, Y, Y, (s, c) =>
            s.RecordAdvisedDateAsync(
                new(c.Data.SpecialOrder.OrderId, c.Data.SpecialOrder.Version, c.Data.SpecialOrder.ShipmentId, "2026/12/10"))),
        Row<FollowUpService>(nameof(FollowUpService.GetAsync),                    N, Y, N, N, Y, Y, (s, c) => s.GetAsync()),
        Row<DeliveryDateService>(nameof(DeliveryDateService.CorrectAsync),        N, Y, N, N, Y, Y, async (s, c) =>
        {
            await using var db = await c.Services.GetRequiredService<IDbContextFactory<SmartOfficeDbContext>>().CreateDbContextAsync();
            var part = await db.ShipmentResults.AsNoTracking().FirstAsync(r => r.OrderLineId == Ids(c).DeliveredLineId);
            await s.CorrectAsync(part.Id, part.Version, new DateOnly(2026, 11, 21), "運送会社の連絡");
        }),
        // Where an order's goods are: whoever may open the order.
        Row<OrderShipmentsService>(nameof(OrderShipmentsService.GetAsync),        N, Y, Y, N, Y, Y,
            (s, c) => s.GetAsync(Ids(c).DeliveredOrderId)),
        Row<JobRunService>(nameof(JobRunService.RecentRunsAsync),                 N, N, N, N, Y, Y, (s, c) => s.RecentRunsAsync(10)),
        Row<JobRunService>(nameof(JobRunService.RecentBatchesAsync),              N, N, N, N, Y, Y, (s, c) => s.RecentBatchesAsync(10)),
        Row<JobRunService>(nameof(JobRunService.ExportAsync),                     N, N, N, N, Y, Y, (s, c) => All(s.ExportAsync())),
        // The audit trail across records: supervisors and administrators; reps and desk agents see each record's own history.
        Row<AuditTrailService>(nameof(AuditTrailService.SearchAsync),             N, N, N, N, Y, Y,
            (s, c) => s.SearchAsync(new(null, null, null, MatrixDatabase.CustomerCode, null, null))),
        Row<AuditTrailService>(nameof(AuditTrailService.ExportAsync),             N, N, N, N, Y, Y,
            (s, c) => All(s.ExportAsync(new(null, null, null, null, null, null)))),
        // The console's own staff: administrators only.
        Row<StaffAdministrationService>(nameof(StaffAdministrationService.ListAsync), N, N, N, N, N, Y, (s, c) => s.ListAsync()),
        Row<StaffAdministrationService>(nameof(StaffAdministrationService.GetAsync), N, N, N, N, N, Y,
            (s, c) => s.GetAsync(c.Staff.TargetId)),
        Row<StaffAdministrationService>(nameof(StaffAdministrationService.DealersAsync), N, N, N, N, N, Y, (s, c) => s.DealersAsync()),
        Row<StaffAdministrationService>(nameof(StaffAdministrationService.CreateAsync), N, N, N, N, N, Y,
            (s, c) => s.CreateAsync(new("newdesk", "新人 花子", StaffRoles.DeskAgent, null))),
        Row<StaffAdministrationService>(nameof(StaffAdministrationService.ChangeAccessAsync), N, N, N, N, N, Y,
            (s, c) => s.ChangeAccessAsync(new(c.Staff.TargetId, c.Staff.TargetVersion, StaffRoles.Supervisor, null))),
        Row<StaffAdministrationService>(nameof(StaffAdministrationService.DisableAsync), N, N, N, N, N, Y,
            (s, c) => s.DisableAsync(c.Staff.TargetId, c.Staff.TargetVersion)),
        Row<StaffAdministrationService>(nameof(StaffAdministrationService.EnableAsync), N, N, N, N, N, Y,
            (s, c) => s.EnableAsync(c.Staff.DisabledId, c.Staff.DisabledVersion)),
        Row<StaffAdministrationService>(nameof(StaffAdministrationService.UnlockAsync), N, N, N, N, N, Y,
            (s, c) => s.UnlockAsync(c.Staff.LockedId, c.Staff.LockedVersion)),
        Row<StaffAdministrationService>(nameof(StaffAdministrationService.ResetPasswordAsync), N, N, N, N, N, Y,
            (s, c) => s.ResetPasswordAsync(c.Staff.TargetId, c.Staff.TargetVersion)),
        // One's own password: every member of staff.
        Row<StaffPasswordService>(nameof(StaffPasswordService.ChangeOwnAsync),    N, Y, Y, Y, Y, Y,
            (s, c) => s.ChangeOwnAsync(new(StaffTestData.Password, "paper lantern over the river", "paper lantern over the river", null))),
    ];

    /// <summary>
    /// Entry points no member of staff calls: the scheduler's jobs (staff reach them only through the jobs page's
    /// JobControl, which demands Operations), the web storefront's (its users are customers, not staff) and the FAX
    /// watcher's scan of the drop folder (staff hand files in through FaxInboxService.UploadAsync). They take no
    /// <see cref="ICurrentStaff"/>, which the test checks, so there is no caller to refuse.
    /// </summary>
    private static readonly (Type Service, string Method, string CalledBy)[] WithoutStaffCaller =
    [
        (typeof(CutoffBatchService), nameof(CutoffBatchService.RunAsync), "the cutoff job (scheduler, or JobControl.RunNowAsync)"),
        (typeof(PointExpiryService), nameof(PointExpiryService.RunAsync), "the point-expiry job (scheduler, or JobControl.RunNowAsync)"),
        (typeof(WebUserSignInService), nameof(WebUserSignInService.SignInAsync), "the web storefront's sign-in"),
        (typeof(WebUserSignInService), nameof(WebUserSignInService.ChangePasswordAsync), "the web storefront's password change"),
        (typeof(ApprovalEvaluator), nameof(ApprovalEvaluator.EvaluateAsync), "the web storefront's order approval"),
        (typeof(FaxIntakeService), nameof(FaxIntakeService.ScanAsync), "the FAX watcher (FaxInboxWatcher, every FaxInbox:PollInterval)"),
        (typeof(FaxRecognitionRunner), nameof(FaxRecognitionRunner.LoadEngines),
            "the FAX recognition worker (FaxRecognitionWorker, at start)"),
        (typeof(FaxRecognitionRunner), nameof(FaxRecognitionRunner.ReadNextAsync),
            "the FAX recognition worker (FaxRecognitionWorker, after each import)"),
        (typeof(StaffSessionStore), nameof(StaffSessionStore.StartAsync),
            "the sign-in, once the password was checked (nobody is signed in yet)"),
        (typeof(StaffSessionStore), nameof(StaffSessionStore.FindAsync), "the server's check of a cookie or circuit (StaffSessionTracker)"),
        (typeof(StaffSessionStore), nameof(StaffSessionStore.RecordActivityAsync), "the server's record of input in a session"),
        (typeof(StaffSessionStore), nameof(StaffSessionStore.EndAsync), "sign-out, and the server ending an idle or too old session"),
        (typeof(StaffSessionStore), nameof(StaffSessionStore.RecordFailedSignInAsync),
            "the sign-in, for a wrong password (nobody is signed in)"),
        (typeof(DeliveryJobService), nameof(DeliveryJobService.RunAsync), "the delivery job (scheduler, or JobControl.RunNowAsync)"),
        (typeof(SmartOffice.Domain.Demo.DemoWarehouse), nameof(SmartOffice.Domain.Demo.DemoWarehouse.AnswerDueAsync),
            "the simulated warehouse of demo mode (DemoWarehouseWorker, every Warehouse:ScanInterval)"),
        (typeof(SmartOffice.Domain.Demo.DemoWarehouse), nameof(SmartOffice.Domain.Demo.DemoWarehouse.ReceiveStockDueAsync),
            "the simulated warehouse of demo mode (DemoWarehouseWorker, every Warehouse:ScanInterval)"),
    ];

    /// <summary>Types the domain registers that are not use cases: infrastructure and values the services share.</summary>
    private static readonly Dictionary<Type, string> NotEntryPoints = new()
    {
        [typeof(Domain.Persistence.SmartOfficeDbContext)] = "the persistence the services use (Identity's stores too)",
        [typeof(Domain.Persistence.DatabaseInitializer)] = "start-up: migrations and reference data",
        [typeof(Domain.Demo.DemoDataGenerator)] = "demo mode and the demo-data command",
        [typeof(BusinessClock)] = "Japan-time dates for the services",
        [typeof(BusinessCalendarCache)] = "the calendar the services read",
        [typeof(SchedulingChanges)] = "tells the scheduler that the calendar or a cutoff changed",
        [typeof(CutoffSchedule)] = "the cutoff job's triggers",
        [typeof(ShippingInstructionWriter)] = "the cutoff job's file",
        [typeof(ExportTracker)] = "progress of the caller's own export, looked up by the caller's staff id",
        [typeof(Domain.Diagnostics.ConsoleMetrics)] = "the console's meter: timings and counts the services record, no records",
        // Their ScanAsync is the shared intake's (WarehouseFileIntake), called by the watcher, never by staff.
        [typeof(WarehouseResultsImport)] =
            "the results watcher's intake (WarehouseResultsWatcher); staff scan through WarehouseService.ScanNowAsync",
        [typeof(StockReceiptImport)] = "the watcher's stock-receipt intake; staff scan through StockService.ScanNowAsync",
    };

    public static TheoryData<string> Keys => new(Rows.Select(r => r.Key));

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Each_caller_gets_what_the_role_table_allows(string key)
    {
        var row = Rows.Single(r => r.Key == key);
        var wrong = new List<string>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            var expected = row.Expected[(int)caller];
            var (got, detail) = await CallAsync(row, caller);
            output.WriteLine($"{caller}: {got} ({detail})");
            if (got != expected)
                wrong.Add($"{caller}: expected {expected}, got {got?.ToString() ?? "neither"} ({detail})");
        }
        Assert.True(wrong.Count == 0, $"{key}:\n" + string.Join("\n", wrong));
    }

    /// <summary>
    /// The outcome; null (wrong whatever the row says) when a rep got the other dealer's data back, or when a rule refused the
    /// call — an allowed caller must complete, and a rule's refusal is no access check.
    /// </summary>
    private async Task<(Outcome? Outcome, string Detail)> CallAsync(MatrixRow row, Caller caller)
    {
        await using var copy = data.Template.Copy();
        await using var services = MatrixDatabase.Services(copy, Staff(caller));
        await using var scope = services.CreateAsyncScope();
        var context = new MatrixContext(data, scope.ServiceProvider);
        object? result;
        try
        {
            result = await row.Call(scope.ServiceProvider, context);
        }
        catch (AccessDeniedException e)
        {
            return await RefusedAsync(copy, "access denied: " + e.Capability);
        }
        catch (BusinessRuleException e) when (e.Key.EndsWith("NotFound", StringComparison.Ordinal))
        {
            return await RefusedAsync(copy, "not found: " + e.Key);
        }
        catch (BusinessRuleException e)
        {
            return (null, $"refused by the rule {e.Key}: {e.Message}");
        }
        var otherDealers = caller switch
        {
            Caller.OtherDealerRep => data.CustomerMarkers,
            Caller.OwnDealerRep => data.OtherDealerMarkers,
            _ => [],
        };
        if (Leaks(result, context.Download, otherDealers) is { } leaked)
            return (null, "shows the other dealer's " + leaked);
        return caller == Caller.OtherDealerRep && row.Expected[(int)caller] == Own ? (Own, "nothing of dealer B") : (Y, "completed");
    }

    /// <summary>A refusal counts only when it wrote nothing.</summary>
    private async Task<(Outcome?, string)> RefusedAsync(TestDatabase copy, string why)
    {
        var changed = (await DatabaseSnapshot.TakeAsync(copy)).ChangedSince(data.Snapshot);
        return changed.Count == 0 ? (N, why) : (Y, $"{why}, but wrote {string.Join(", ", changed)}");
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 16 };

    /// <summary>The first marker found in the answer or in what the call wrote to <paramref name="download"/>.</summary>
    private static string? Leaks(object? result, MemoryStream download, IReadOnlyList<string> markers)
    {
        var text = result is null or Stream ? "" : JsonSerializer.Serialize(result, result.GetType(), Json);
        text += System.Text.Encoding.UTF8.GetString(download.ToArray());
        return markers.FirstOrDefault(m => text.Contains(m, StringComparison.Ordinal));
    }

    private ICurrentStaff Staff(Caller caller) => caller switch
    {
        Caller.Anonymous => TestStaff.Anonymous,
        Caller.DeskAgent => TestStaff.DeskAgent,
        Caller.OwnDealerRep => TestStaff.DealerRep(data.Ids.DealerId),
        Caller.OtherDealerRep => TestStaff.DealerRep(data.Ids.OtherDealerId),
        Caller.Supervisor => TestStaff.Supervisor,
        _ => TestStaff.Administrator,
    };

    /// <summary>
    /// The table's Y means "completes": a call the use case's rules refuse (here a 99 % discount) proves nothing about access,
    /// so it is reported, whatever the row expects — the row's call must then be given what it needs.
    /// </summary>
    [Fact]
    public async Task A_call_refused_by_a_rule_counts_as_neither_allowed_nor_refused()
    {
        var row = Row<CustomerAccountService>(nameof(CustomerAccountService.UpdateSettingsAsync), N, N, Y, N, Y, Y,
            (s, c) => s.UpdateSettingsAsync(
                new(Ids(c).CustomerId, Ids(c).CustomerVersion, new(false, null, 99, null, null), MatrixDatabase.ByFax)));

        var (got, detail) = await CallAsync(row, Caller.Supervisor);

        Assert.Null(got);
        Assert.Contains("Accounts.DiscountRange", detail);
    }

    [Fact]
    public void Every_domain_service_entry_point_has_a_row()
    {
        var covered = Rows.Select(r => r.Key).Concat(WithoutStaffCaller.Select(w => $"{w.Service.Name}.{w.Method}")).ToHashSet();
        var missing = EntryPoints().Where(k => !covered.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Add a row to the authorisation matrix for: " + string.Join(", ", missing));
        var stale = covered.Except(EntryPoints()).ToList();
        Assert.True(stale.Count == 0, "Rows for methods that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void Entry_points_without_a_staff_caller_take_none()
    {
        foreach (var (service, method, calledBy) in WithoutStaffCaller)
        {
            var parameters = service.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType);
            Assert.True(!parameters.Contains(typeof(ICurrentStaff)),
                $"{service.Name}.{method} ({calledBy}) takes a staff caller: give it a row");
        }
    }

    /// <summary>
    /// "Service.Method" for every public instance method declared by a service: each type the domain registers in
    /// <c>AddSmartOfficeDomain</c> and each public class named …Service, less <see cref="NotEntryPoints"/>.
    /// </summary>
    private static IEnumerable<string> EntryPoints()
    {
        var domain = typeof(FaxOrderService).Assembly;
        var registered = new ServiceCollection().AddSmartOfficeDomain(new ConfigurationBuilder().Build(), Path.GetTempPath())
            .Select(d => d.ImplementationType ?? d.ServiceType).Where(t => t.Assembly == domain && t.IsClass);
        var named = domain.GetExportedTypes().Where(t => t.IsClass && t.Name.EndsWith("Service", StringComparison.Ordinal));
        // Settings checks (IValidateOptions) run at start-up, before any caller: no use case.
        var unclassified = registered.Concat(named).Distinct().Where(t => !NotEntryPoints.ContainsKey(t))
            .Where(t => !t.GetInterfaces()
                .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Microsoft.Extensions.Options.IValidateOptions<>)));
        return unclassified.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName)
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct();
    }

    /// <summary>An export's rows read to the end, so the check sees every row it would write.</summary>
    private static async Task<List<T>> All<T>(Task<ListRows<T>> export)
    {
        var rows = new List<T>();
        await foreach (var row in (await export).Rows)
            rows.Add(row);
        return rows;
    }

    private static MatrixRow Row<TService>(string method, Outcome anonymous, Outcome desk, Outcome ownRep, Outcome otherRep,
        Outcome supervisor, Outcome administrator, Func<TService, MatrixContext, Task> call) where TService : notnull =>
        new($"{typeof(TService).Name}.{method}", [anonymous, desk, ownRep, otherRep, supervisor, administrator],
            async (services, context) =>
        {
            var task = call(services.GetRequiredService<TService>(), context);
            await task;
            // Task<T>'s result, when there is one, is checked for the other dealer's records.
            return task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
        });
}

public sealed record MatrixRow(string Key, Outcome[] Expected, Func<IServiceProvider, MatrixContext, Task<object?>> Call)
{
    public override string ToString() => Key;
}

/// <summary>What a row's call may use: the fixture's ids and drafts built from them.</summary>
public sealed record MatrixContext(MatrixDatabase Data, IServiceProvider Services)
{
    public MatrixIds Ids => Data.Ids;
    public MatrixFaxIds Fax => Data.Fax;
    public MatrixStaffIds Staff => Data.Staff;
    public DateTimeOffset Now => Data.Template.Clock.GetUtcNow();
    /// <summary>The FAX the caller holds; for a caller who may hold none, the desk agent's (so a missing check meets
    /// "someone else's").</summary>
    public int FaxHeldByCaller =>
        Fax.HeldBy.GetValueOrDefault(Services.GetRequiredService<ICurrentStaff>().Id, Fax.HeldBy[TestStaff.DeskAgent.Id]);
    public FaxOrderDraft Draft => Data.OrderDraft(Ids.CustomerId, Ids.DepartmentId);
    public CallerVerification Verification => new(MatrixDatabase.CustomerCode, "03-2222-3333", Ids.DepartmentId, "山田");
    public OperationsRange Range => new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
    public PurchaseDataQuery Purchases => new(Ids.CustomerId, null, new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 25));
    /// <summary>Where a download is written; its bytes are checked for the other dealer's data like an answer.</summary>
    public MemoryStream Download { get; } = new();
}
