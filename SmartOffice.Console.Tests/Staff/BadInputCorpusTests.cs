using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartOffice.Console.Tests.FaxInbox;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain;
using SmartOffice.Domain.Accounts;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Warehouse;
using static SmartOffice.Console.Tests.Ordering.OrderingTestData;

namespace SmartOffice.Console.Tests.Staff;

/// <summary>
/// Hostile and mistaken input on every form the console keys, straight into the domain services as a supervisor (who may
/// use every form): each is refused with its own message — in Japanese and in English, naming what to fix — and the
/// database afterwards equals, table by table and row by row, the database before (ASVS 2.3.3: nothing half-saved).
/// </summary>
public sealed class BadInputCorpusTests(MatrixDatabase data) : IClassFixture<MatrixDatabase>
{
    private static readonly string TenThousand = new('あ', 10_000);
    private static readonly string Emoji = string.Concat(Enumerable.Repeat("🙂👍🏽", 40));
    private const string Sql = "'; DROP TABLE Orders; --";
    private const string Script = "<script>alert('x')</script>";
    private static readonly DateOnly Sunday = new(2026, 11, 29), NewYear = new(2027, 1, 1), YearEnd = new(2026, 12, 30);

    private static readonly CorpusCase[] Cases =
    [
        // FAX order entry (注文入力): quantities, codes, comments, dates, customer, department, ship-to.
        Order("quantity 0", "Ordering.QuantityNotPositive", Line(Pen, "0")),
        Order("quantity negative", "Ordering.QuantityNotPositive", Line(Pen, "-3")),
        Order("quantity full-width negative", "Ordering.QuantityNotPositive", Line(Pen, "－３")),
        Order("quantity full-width huge", "Ordering.QuantityTooLarge", Line(Pen, "１０００００")),
        Order("quantity 30 digits", "Ordering.QuantityTooLarge", Line(Pen, new string('9', 28))),
        Order("quantity decimal", "Ordering.QuantityNotWhole", Line(Pen, "1.5")),
        Order("quantity full-width decimal", "Ordering.QuantityNotWhole", Line(Pen, "２．５")),
        Order("quantity letters", "Ordering.QuantityNotNumber", Line(Pen, "abc")),
        Order("quantity mixed widths", "Ordering.QuantityNotNumber", Line(Pen, "１2ａ")),
        Order("quantity kanji", "Ordering.QuantityNotNumber", Line(Pen, "十")),
        Order("quantity SQL", "Ordering.QuantityNotNumber", Line(Pen, Sql)),
        Order("quantity emoji", "Ordering.QuantityNotNumber", Line(Pen, "🙂")),
        Order("quantity exponent", "Ordering.QuantityNotNumber", Line(Pen, "1e3")),
        Order("quantity missing", "Ordering.QuantityMissing", Line(Pen, "")),
        Order("quantity with a bell character", "Ordering.QuantityNotNumber", Line(Pen, "1\u0007")),
        Order("code missing", "Ordering.CodeMissing", Line("", "2")),
        Order("code unknown", "Ordering.UnknownProduct", Line("ZZ999999", "1")),
        Order("code SQL", "Ordering.UnknownProduct", Line(Sql, "1")),
        Order("code script", "Ordering.UnknownProduct", Line(Script, "1")),
        Order("code half-width kana", "Ordering.UnknownProduct", Line("ｱｲｳ", "1")),
        Order("code 10,000 characters", "Ordering.UnknownProduct", Line(TenThousand, "1")),
        Order("code control characters", "Ordering.UnknownProduct", Line("A000\u00070001", "1")),
        Order("code discontinued", "Ordering.InactiveProduct", Line(Discontinued, "1")),
        Order("code locked for the customer", "Ordering.ProductLocked", Line(Toner, "1")),
        // 簡易見積書 issued from the entry draft: refused as a save would be, and nothing kept.
        Quote("quantity 0", "Ordering.QuantityNotPositive", Line(Pen, "0")),
        Quote("code SQL", "Ordering.UnknownProduct", Line(Sql, "1")),
        Quote("code locked for the customer", "Ordering.ProductLocked", Line(Toner, "1")),
        Quote("comment 10,000 characters", "Ordering.CommentTooLong", Line(Pen, "1", TenThousand)),
        Quote("no lines", "Ordering.NoLines"),
        Order("comment 10,000 characters", "Ordering.CommentTooLong", Line(Pen, "1", TenThousand)),
        Order("comment of emoji over the limit", "Ordering.CommentTooLong", Line(Pen, "1", Emoji)),
        Order("comment with a line break", "Ordering.CommentControlCharacters", Line(Pen, "1", "総務\n山田")),
        Order("comment with NUL", "Ordering.CommentControlCharacters", Line(Pen, "1", "総務\0山田")),
        Order("comment with an escape sequence", "Ordering.CommentControlCharacters", Line(Pen, "1", "\u001b[31m赤\u001b[0m")),
        Order("good line then a bad one", "Ordering.QuantityNotPositive", Line(Pen, "2"), Line(Tea, "0")),
        Order("no lines", "Ordering.NoLines"),
        Order("only blank lines", "Ordering.NoLines", Line("", ""), Line(" ", "　")),
        Draft("requested Sunday", "Ordering.RequestedDate.Sunday", d => d with { RequestedDeliveryDate = Sunday }),
        Draft("requested Coming-of-Age Day", "Ordering.RequestedDate.Holiday",
            d => d with { RequestedDeliveryDate = new DateOnly(2027, 1, 11) }),
        Draft("requested New Year's Day", "Ordering.RequestedDate.ClosureDay", d => d with { RequestedDeliveryDate = NewYear }),
        Draft("requested in the year-end closure", "Ordering.RequestedDate.ClosureDay", d => d with { RequestedDeliveryDate = YearEnd }),
        Draft("requested yesterday", "Ordering.RequestedDate.TooEarly", d => d with { RequestedDeliveryDate = new DateOnly(2026, 11, 24) }),
        Draft("requested a Wednesday in 2000", "Ordering.RequestedDate.TooEarly",
            d => d with { RequestedDeliveryDate = new DateOnly(2000, 6, 7) }),
        Draft("requested Saturday with furniture", "Ordering.RequestedDate.SaturdayNotAllowed",
            d => d with { RequestedDeliveryDate = new DateOnly(2026, 12, 5), Lines = [Line(Desk, "1")] }),
        Draft("requested Saturday, product never on Saturday", "Ordering.RequestedDate.SaturdayProduct",
            d => d with { RequestedDeliveryDate = new DateOnly(2026, 12, 5), Lines = [Line(NoSaturday, "1")] }),
        Draft("FAX received tomorrow", "Ordering.ReceivedInFuture", d => d with { FaxReceivedAt = d.FaxReceivedAt.AddDays(1) }),
        Draft("unknown customer", "Ordering.CustomerNotFound", d => d with { CustomerId = 999_999 }),
        Draft("another customer's department", "Ordering.DepartmentNotOfCustomer", d => d with { DepartmentId = 999_999 }),
        Draft("unregistered ship-to", "Ordering.ShipToNotRegistered", d => d with { ShipToId = 999_999 }),
        Case("FAX order", "void without a reason", "Ordering.ReasonRequired",
            (s, c) => s.Get<FaxOrderService>().VoidAsync(new(c.Ids.OpenOrderId, c.Ids.OpenOrderVersion, "   "))),
        Case("FAX order", "void with a 10,000-character reason", "Text.ReasonTooLong",
            (s, c) => s.Get<FaxOrderService>().VoidAsync(new(c.Ids.OpenOrderId, c.Ids.OpenOrderVersion, TenThousand))),
        Case("FAX order", "void with a line break in the reason", "Text.ReasonControlCharacters",
            (s, c) => s.Get<FaxOrderService>().VoidAsync(new(c.Ids.OpenOrderId, c.Ids.OpenOrderVersion, "入力誤り\n再入力済"))),
        Case("FAX order", "void from a stale screen", "Ordering.OrderChanged",
            (s, c) => s.Get<FaxOrderService>().VoidAsync(new(c.Ids.OpenOrderId, c.Ids.OpenOrderVersion - 1, "二重入力"))),
        Case("FAX order", "void an unknown order", "Ordering.OrderNotFound",
            (s, c) => s.Get<FaxOrderService>().VoidAsync(new(-1, 0, "二重入力"))),
        Case("FAX order", "correct to another customer", "Ordering.CorrectionOtherCustomer",
            (s, c) => s.Get<FaxOrderService>().CorrectAsync(new(c.Ids.OpenOrderId, c.Ids.OpenOrderVersion,
            c.Draft with { CustomerId = c.OtherCustomerId, DepartmentId = c.OtherDepartmentId }, "訂正"))),
        Case("FAX order", "correct with a bad quantity", "Ordering.QuantityNotPositive",
            (s, c) => s.Get<FaxOrderService>().CorrectAsync(new(c.Ids.OpenOrderId, c.Ids.OpenOrderVersion,
            c.Draft with { Lines = [Line(Pen, "-1")] }, "訂正"))),

        // FAX inbox (受信FAX): reasons and notes, claims that are not the caller's, uploads of files that are no FAX.
        Case("FAX inbox", "reject without a reason", "FaxInbox.RejectReasonRequired",
            (s, c) => s.Get<FaxInboxService>().RejectAsync(c.FaxHeld, "")),
        Case("FAX inbox", "reject with full-width spaces only", "FaxInbox.RejectReasonRequired",
            (s, c) => s.Get<FaxInboxService>().RejectAsync(c.FaxHeld, "　　")),
        Case("FAX inbox", "reject with a 10,000-character reason", "FaxInbox.NoteTooLong",
            (s, c) => s.Get<FaxInboxService>().RejectAsync(c.FaxHeld, TenThousand)),
        Case("FAX inbox", "reject with a line break in the reason", "FaxInbox.NoteControlCharacters",
            (s, c) => s.Get<FaxInboxService>().RejectAsync(c.FaxHeld, "判読\n不能")),
        Case("FAX inbox", "reject a FAX a colleague holds", "FaxInbox.ClaimedByOther",
            (s, c) => s.Get<FaxInboxService>().RejectAsync(c.Data.Fax.HeldByColleagueId, "判読不能")),
        Case("FAX inbox", "close without a note", "FaxInbox.CloseNoteRequired",
            (s, c) => s.Get<FaxInboxService>().CloseOtherAsync(c.FaxHeld, " ")),
        Case("FAX inbox", "close with a 10,000-character note", "FaxInbox.NoteTooLong",
            (s, c) => s.Get<FaxInboxService>().CloseOtherAsync(c.FaxHeld, TenThousand)),
        Case("FAX inbox", "close with NUL in the note", "FaxInbox.NoteControlCharacters",
            (s, c) => s.Get<FaxInboxService>().CloseOtherAsync(c.FaxHeld, "販売店へ\0転送")),
        Case("FAX inbox", "close with an escape sequence in the note", "FaxInbox.NoteControlCharacters",
            (s, c) => s.Get<FaxInboxService>().CloseOtherAsync(c.FaxHeld, "\u001b[31m転送\u001b[0m")),
        Case("FAX inbox", "close a FAX the desk agent holds", "FaxInbox.ClaimedByOther",
            (s, c) => s.Get<FaxInboxService>().CloseOtherAsync(c.Data.Fax.HeldBy[TestStaff.DeskAgent.Id], "販売店へ転送")),
        Case("FAX inbox", "close a FAX nobody has claimed", "FaxInbox.NotClaimed",
            (s, c) => s.Get<FaxInboxService>().CloseOtherAsync(c.Data.Fax.NewId, "販売店へ転送")),
        Case("FAX inbox", "sort a FAX a colleague holds", "FaxInbox.ClaimedByOther",
            (s, c) => s.Get<FaxInboxService>().SetKindAsync(c.Data.Fax.HeldByColleagueId, FaxKind.Order)),
        Case("FAX inbox", "release a FAX nobody has claimed", "FaxInbox.NotClaimed",
            (s, c) => s.Get<FaxInboxService>().ReleaseAsync(c.Data.Fax.NewId)),
        Case("FAX inbox", "claim an unknown FAX", "FaxInbox.NotFound", (s, c) => s.Get<FaxInboxService>().ClaimAsync(-1)),
        Case("FAX inbox", "dismiss an unknown import problem", "FaxInbox.IssueGone",
            (s, c) => s.Get<FaxInboxService>().DismissIssueAsync(-1)),
        Upload("a truncated PDF", "注文書.pdf", () => FaxFiles.Pdf()[..(FaxFiles.Pdf().Length / 2)], FaxFileProblem.DamagedPdf),
        Upload("a PDF with no scanned image", "注文書.pdf", FaxFiles.DrawnPdf, FaxFileProblem.PdfPageWithoutImage),
        Upload("a .png that is text", "注文書.png", () => "これは画像ではありません"u8.ToArray(), FaxFileProblem.NotAnImage),
        Upload("a script name and HTML content", "<script>alert(1)</script>.png",
            () => "<html><script>alert(1)</script></html>"u8.ToArray(), FaxFileProblem.NotAnImage),
        Upload("zero bytes", "注文書.pdf", () => [], FaxFileProblem.Empty),
        Upload("an unknown extension", "注文書.docx", () => FaxFiles.Png(), FaxFileProblem.UnsupportedType),
        Upload("no extension", "注文書", () => FaxFiles.Png(), FaxFileProblem.UnsupportedType),
        Upload("a truncated JPEG", "注文書.jpg", () => FaxFiles.Jpeg()[..200], FaxFileProblem.DamagedImage),
        Upload("a TIFF of 51 pages", "注文書.tif", () => FaxFiles.FaxTiff(pages: 51, width: 64, height: 32), FaxFileProblem.TooManyPages),
        Upload("a 31 MB file", "注文書.pdf", () => new byte[31 * 1024 * 1024], FaxFileProblem.TooLarge),
        Case("FAX upload", "a file name that is only a folder", "FaxInbox.UploadNoFile",
            (s, c) => s.Get<FaxInboxService>().UploadAsync(new("../", MatrixDatabase.FaxPage, c.Now, null))),
        Case("FAX upload", "received tomorrow", "FaxInbox.ReceivedInFuture",
            (s, c) => s.Get<FaxInboxService>().UploadAsync(new("注文書.png", MatrixDatabase.FaxPage, c.Now.AddDays(1), null))),
        Case("FAX upload", "a file already in the inbox", "FaxInbox.AlreadyImported",
            (s, c) => s.Get<FaxInboxService>().UploadAsync(new(c.Data.Fax.NewFileName, MatrixDatabase.FaxPage, c.Now, null))),

        // Return slips (返品伝票): quantities, lines, the form's customer code, times, reasons, the workflow.
        Return("quantity negative", "Returns.QuantityNegative", (c, line) => [new(line, -1, ReturnReason.ImageDiffers, true)]),
        Return("nothing to return", "Returns.NothingToReturn", (c, line) => [new(line, 0, ReturnReason.ImageDiffers, true)]),
        Return("no lines at all", "Returns.NothingToReturn", (c, line) => []),
        Return("the same line twice", "Returns.DuplicateLine",
            (c, line) => [new(line, 1, ReturnReason.ImageDiffers, true), new(line, 1, ReturnReason.ImageDiffers, true)]),
        Return("a line of another order", "Returns.LineNotOnOrder", (c, line) => [new(999_999, 1, ReturnReason.ImageDiffers, true)]),
        Return("more than was delivered", "Returns.QuantityAboveReturnable",
            (c, line) => [new(line, 10_000, ReturnReason.ImageDiffers, true)]),
        Return("int.MaxValue units", "Returns.QuantityAboveReturnable",
            (c, line) => [new(line, int.MaxValue, ReturnReason.ImageDiffers, true)]),
        Return("opened, not our fault", "Returns.Opened", (c, line) => [new(line, 1, ReturnReason.ImageDiffers, false)]),
        Return("reason other without a note", "Returns.NoteRequired", (c, line) => [new(line, 1, ReturnReason.Other, true, "　")]),
        Return("another customer's code on the form", "Returns.OtherCustomer", (c, line) => [new(line, 1, ReturnReason.ImageDiffers, true)],
            code: MatrixDatabase.OtherCustomerCode),
        Return("SQL as the customer code", "Returns.OtherCustomer", (c, line) => [new(line, 1, ReturnReason.ImageDiffers, true)],
            code: Sql),
        Return("no customer code", "Returns.OtherCustomer", (c, line) => [new(line, 1, ReturnReason.ImageDiffers, true)], code: ""),
        Return("FAX received tomorrow", "Returns.FaxReceivedInFuture", (c, line) => [new(line, 1, ReturnReason.ImageDiffers, true)],
            receivedAt: c => c.Now.AddDays(1)),
        Return("FAX received before the delivery", "Returns.BeforeDelivery", (c, line) => [new(line, 1, ReturnReason.ImageDiffers, true)],
            receivedAt: c => c.Now.AddDays(-30)),
        Case("return slip", "an unknown order", "Returns.OrderNotFound",
            (s, c) => s.Get<ReturnSlipService>()
            .CreateAsync(new(-5, MatrixDatabase.CustomerCode, null, [new(c.Ids.DeliveredLineId, 1, ReturnReason.ImageDiffers, true)]))),
        Return("a note with a line break", "Returns.NoteControlCharacters",
            (c, line) => [new(line, 1, ReturnReason.Other, true, "箱が\r\n違う")]),
        Return("a 10,000-character note", "Returns.NoteTooLong", (c, line) => [new(line, 1, ReturnReason.Other, true, TenThousand)]),
        Case("return slip", "reject with a 10,000-character reason", "Text.ReasonTooLong",
            (s, c) => s.Get<ReturnSlipService>().RejectAsync(c.Ids.ReceivedSlipId, c.Ids.ReceivedSlipVersion, TenThousand)),
        Case("return slip", "reject with NUL in the reason", "Text.ReasonControlCharacters",
            (s, c) => s.Get<ReturnSlipService>().RejectAsync(c.Ids.ReceivedSlipId, c.Ids.ReceivedSlipVersion, "開封\0済み")),
        Case("return slip", "reject without a reason", "Returns.RejectReasonRequired",
            (s, c) => s.Get<ReturnSlipService>().RejectAsync(c.Ids.ReceivedSlipId, c.Ids.ReceivedSlipVersion, " ")),
        Case("return slip", "inspect without a verdict for every line", "Returns.InspectEveryLine",
            (s, c) => s.Get<ReturnSlipService>().InspectAsync(c.Ids.ArrangedSlipId, c.Ids.ArrangedSlipVersion, [])),
        Case("return slip", "inspect refusing every line", "Returns.AllLinesRejected",
            (s, c) => s.Get<ReturnSlipService>()
            .InspectAsync(c.Ids.ArrangedSlipId, c.Ids.ArrangedSlipVersion, [new(c.Ids.ArrangedSlipLineId, false)])),
        Case("return slip", "credit a slip not inspected", "Returns.WrongStatus",
            (s, c) => s.Get<ReturnSlipService>().CreditAsync(c.Ids.ReceivedSlipId, c.Ids.ReceivedSlipVersion)),
        Case("return slip", "a step from a stale screen", "Returns.SlipChanged",
            (s, c) => s.Get<ReturnSlipService>().ArrangePickupAsync(c.Ids.ReceivedSlipId, c.Ids.ReceivedSlipVersion + 7)),
        Case("return slip", "the notice before inspection", "Returns.NoticeNotYet",
            (s, c) => s.Get<ReturnSlipService>().NoticeAsync(c.Ids.ReceivedSlipId)),
        Case("return slip", "lookup with nothing to look up", "Returns.LookupIncomplete",
            (s, c) => s.Get<ReturnSlipService>().FindOrdersAsync(new(null, null, null, null))),

        // Account customisation (お客様): settings, departments, ship-tos, web users, order locks, approval.
        Settings("discount above 50 %", "Accounts.DiscountRange", s => s with { VolumeDiscountPercent = 51 }),
        Settings("discount negative", "Accounts.DiscountRange", s => s with { VolumeDiscountPercent = -1 }),
        Settings("discount 1.25 %", "Accounts.DiscountPrecision", s => s with { VolumeDiscountPercent = 1.25m }),
        Settings("discount decimal.MaxValue", "Accounts.DiscountRange", s => s with { VolumeDiscountPercent = decimal.MaxValue }),
        Settings("slip note 10,000 characters", "Accounts.FieldTooLong", s => s with { DeliverySlipNote = TenThousand }),
        Settings("slip note with a line break", "Accounts.FieldControlCharacters", s => s with { DeliverySlipNote = "午前\r\n指定" }),
        Settings("billing note with a tab", "Accounts.FieldControlCharacters", s => s with { BillingNote = "締め\t20日" }),
        Settings("opted out, start date in the past", "Accounts.OptOutDatePast",
            s => s with { PointsOptedOut = true, PointsOptOutFrom = new DateOnly(2020, 1, 1) }),
        Case("account", "settings without who asked", "Accounts.RequesterRequired",
            (s, c) => s.Get<CustomerAccountService>().UpdateSettingsAsync(new(c.Ids.CustomerId, c.Ids.CustomerVersion,
            new(false, null, 0, null, null), new ChangeRequester(" ", RequestChannel.Phone)))),
        Case("account", "settings without how they asked", "Accounts.RequesterRequired",
            (s, c) => s.Get<CustomerAccountService>().UpdateSettingsAsync(new(c.Ids.CustomerId, c.Ids.CustomerVersion,
            new(false, null, 0, null, null), new ChangeRequester("山田", null)))),
        Case("account", "settings from a stale screen", "Accounts.CustomerChanged",
            (s, c) => s.Get<CustomerAccountService>().UpdateSettingsAsync(new(c.Ids.CustomerId, c.Ids.CustomerVersion - 1,
            new(false, null, 0, null, null), MatrixDatabase.ByFax))),
        Department("department without a name", "Accounts.FieldRequired", d => d with { Name = "" }),
        Department("department name of emoji only", "Accounts.FieldTooLong", d => d with { Name = Emoji + Emoji }),
        Department("department name with NUL", "Accounts.FieldControlCharacters", d => d with { Name = "経理\0部" }),
        Department("postal code too short", "Accounts.PostalCodeFormat", d => d with { PostalCode = "12-345" }),
        Department("postal code letters", "Accounts.PostalCodeFormat", d => d with { PostalCode = "abc-defg" }),
        Department("phone letters", "Accounts.PhoneFormat", d => d with { Phone = "03-abcd-efgh" }),
        Department("budget negative", "Accounts.BudgetPositive", d => d with { MonthlyBudget = -1 }),
        Department("budget zero", "Accounts.BudgetPositive", d => d with { MonthlyBudget = 0 }),
        Department("address 10,000 characters", "Accounts.FieldTooLong", d => d with { Address = TenThousand }),
        Case("account", "ship-to with a script name and no address", "Accounts.FieldRequired",
            (s, c) => s.Get<CustomerAccountService>()
            .SaveShipToAsync(new(c.Ids.CustomerId, null, 0, Script, "100-0001", "", null, MatrixDatabase.ByFax))),
        Case("account", "ship-to unknown", "Accounts.ShipToNotFound",
            (s, c) => s.Get<CustomerAccountService>()
            .SaveShipToAsync(new(c.Ids.CustomerId, 999_999, 0, "大阪", "100-0001", "大阪府", null, MatrixDatabase.ByFax))),
        Case("account", "web user e-mail without @", "Accounts.EmailFormat",
            (s, c) => s.Get<CustomerAccountService>()
            .SaveWebUserAsync(new(c.Ids.CustomerId, null, 0, c.Ids.DepartmentId, "佐藤", "sato.example.jp", false, MatrixDatabase.ByFax))),
        Case("account", "web user e-mail with two @", "Accounts.EmailFormat",
            (s, c) => s.Get<CustomerAccountService>()
            .SaveWebUserAsync(new(c.Ids.CustomerId, null, 0, c.Ids.DepartmentId, "佐藤", "a@b@c", false, MatrixDatabase.ByFax))),
        Case("account", "web user without a name", "Accounts.FieldRequired",
            (s, c) => s.Get<CustomerAccountService>()
            .SaveWebUserAsync(new(c.Ids.CustomerId, null, 0, c.Ids.DepartmentId, "　", null, false, MatrixDatabase.ByFax))),
        Case("account", "web user in another customer's department", "Accounts.DepartmentNotFound",
            (s, c) => s.Get<CustomerAccountService>()
            .SaveWebUserAsync(new(c.Ids.CustomerId, null, 0, c.OtherDepartmentId, "佐藤", null, false, MatrixDatabase.ByFax))),
        Case("account", "order lock without a code", "Accounts.LockCodeRequired",
            (s, c) => s.Get<CustomerAccountService>()
            .AddOrderLockAsync(new(c.Ids.CustomerId, c.Ids.CustomerVersion, OrderLockKind.Product, " ", MatrixDatabase.ByFax))),
        Case("account", "order lock on an unknown product", "Accounts.LockProductUnknown",
            (s, c) => s.Get<CustomerAccountService>()
            .AddOrderLockAsync(new(c.Ids.CustomerId, c.Ids.CustomerVersion, OrderLockKind.Product, Sql, MatrixDatabase.ByFax))),
        Case("account", "order lock on an unknown category", "Accounts.LockCategoryUnknown",
            (s, c) => s.Get<CustomerAccountService>()
            .AddOrderLockAsync(new(c.Ids.CustomerId, c.Ids.CustomerVersion, OrderLockKind.Category, "NOPE", MatrixDatabase.ByFax))),
        Case("account", "order lock already there", "Accounts.LockExists",
            (s, c) => s.Get<CustomerAccountService>()
            .AddOrderLockAsync(new(c.Ids.CustomerId, c.Ids.CustomerVersion, OrderLockKind.Product, "ｌ００００００１", MatrixDatabase.ByFax))),
        Case("account", "approval over a threshold without one", "Accounts.ThresholdRequired",
            (s, c) => s.Get<CustomerAccountService>()
            .SetApprovalAsync(new(c.Ids.DepartmentId, c.Ids.DepartmentVersion, ApprovalCondition.SlipTotalAtLeast, null,
            c.Ids.AdministratorId, null, MatrixDatabase.ByFax))),
        Case("account", "approval by the same approver twice", "Accounts.ApproversSame",
            (s, c) => s.Get<CustomerAccountService>()
            .SetApprovalAsync(new(c.Ids.DepartmentId, c.Ids.DepartmentVersion, ApprovalCondition.AllOrders, null, c.Ids.AdministratorId,
            c.Ids.AdministratorId, MatrixDatabase.ByFax))),

        // Registration and change forms (お客様登録・変更).
        Registration("company without a name", "Accounts.FieldRequired", r => r with { Name = "" }),
        Registration("reading in kanji", "Accounts.KanaFormat", r => r with { NameKana = "新規" }),
        Registration("reading of script", "Accounts.KanaFormat", r => r with { NameKana = Script }),
        Registration("postal code of eight digits", "Accounts.PostalCodeFormat", r => r with { PostalCode = "12345678" }),
        Registration("phone of SQL", "Accounts.PhoneFormat", r => r with { Phone = Sql }),
        Registration("FAX of letters", "Accounts.PhoneFormat", r => r with { Fax = "FAX" }),
        Registration("no department", "Accounts.FieldRequired", r => r with { DepartmentName = null }),
        Registration("administrator's name 10,000 characters", "Accounts.FieldTooLong", r => r with { AdministratorName = TenThousand }),
        Registration("administrator's e-mail with a space", "Accounts.EmailFormat", r => r with { AdministratorEmail = "a b@example.jp" }),
        Registration("company name with a bell character", "Accounts.FieldControlCharacters", r => r with { Name = "株式会社\u0007ベル" }),
        Registration("unknown region", "Accounts.FieldRequired", r => r with { RegionId = 999_999 }),
        Registration("without who brought the form", "Accounts.RequesterRequired", r => r with { RequestedBy = new(null, null) }),
        Case("registration", "change form from a stale screen", "Accounts.CustomerChanged",
            (s, c) => s.Get<CustomerRegistrationService>().ChangeAsync(new(c.Ids.CustomerId, c.Ids.CustomerVersion + 3,
            "株式会社テスト20000002", "テスト", "100-0001", "東京都", "03-2222-3333", null, MatrixDatabase.ByFax))),

        // Points, balance requests (ポイント).
        Case("points", "consolidate 0 points", "Points.PointsPositive",
            (s, c) => s.Get<PointAccountService>()
            .ConsolidateAsync(new(c.Ids.UserAccountId, c.Ids.DepartmentAccountId, 0, c.Ids.UserAccountVersion, "山田"))),
        Case("points", "consolidate negative points", "Points.PointsPositive",
            (s, c) => s.Get<PointAccountService>()
            .ConsolidateAsync(new(c.Ids.UserAccountId, c.Ids.DepartmentAccountId, -100, c.Ids.UserAccountVersion, "山田"))),
        Case("points", "consolidate more than the balance", "Points.InsufficientBalance",
            (s, c) => s.Get<PointAccountService>()
            .ConsolidateAsync(new(c.Ids.UserAccountId, c.Ids.DepartmentAccountId, int.MaxValue, c.Ids.UserAccountVersion, "山田"))),
        Case("points", "consolidate into the same account", "Points.TransferSameAccount",
            (s, c) => s.Get<PointAccountService>()
            .ConsolidateAsync(new(c.Ids.UserAccountId, c.Ids.UserAccountId, 10, c.Ids.UserAccountVersion, "山田"))),
        Case("points", "consolidate from a stale screen", "Points.AccountChanged",
            (s, c) => s.Get<PointAccountService>()
            .ConsolidateAsync(new(c.Ids.UserAccountId, c.Ids.DepartmentAccountId, 10, c.Ids.UserAccountVersion - 1, "山田"))),
        Case("points", "adjust by zero", "Points.AdjustmentZero",
            (s, c) => s.Get<PointAccountService>().AdjustAsync(new(c.Ids.UserAccountId, 0, "お詫び", c.Ids.UserAccountVersion))),
        Case("points", "adjust without a reason", "Points.ReasonRequired",
            (s, c) => s.Get<PointAccountService>().AdjustAsync(new(c.Ids.UserAccountId, 10, "", c.Ids.UserAccountVersion))),
        Case("points", "adjust with a 10,000-character reason", "Text.ReasonTooLong",
            (s, c) => s.Get<PointAccountService>().AdjustAsync(new(c.Ids.UserAccountId, 10, TenThousand, c.Ids.UserAccountVersion))),
        Case("points", "adjust with a tab in the reason", "Text.ReasonControlCharacters",
            (s, c) => s.Get<PointAccountService>().AdjustAsync(new(c.Ids.UserAccountId, 10, "お詫び\t10pt", c.Ids.UserAccountVersion))),
        Case("points", "adjust below zero", "Points.InsufficientBalance",
            (s, c) => s.Get<PointAccountService>().AdjustAsync(new(c.Ids.UserAccountId, -1_000_000, "訂正", c.Ids.UserAccountVersion))),
        Case("points", "an unknown account", "Points.AccountNotFound",
            (s, c) => s.Get<PointAccountService>().AdjustAsync(new(-1, 10, "お詫び", 0))),
        Case("balance request", "no customer code", "Points.CustomerCodeRequired",
            (s, c) => s.Get<BalanceRequestService>().RegisterAsync(new("　", c.Ids.DepartmentId, null))),
        Case("balance request", "an unknown customer code", "Points.CustomerNotFound",
            (s, c) => s.Get<BalanceRequestService>().RegisterAsync(new("99999999", c.Ids.DepartmentId, null))),
        Case("balance request", "another customer's department", "Points.DepartmentRequired",
            (s, c) => s.Get<BalanceRequestService>().RegisterAsync(new(MatrixDatabase.CustomerCode, c.OtherDepartmentId, null))),
        Case("balance request", "FAX received tomorrow", "Points.FaxReceivedInFuture",
            (s, c) => s.Get<BalanceRequestService>().RegisterAsync(new(MatrixDatabase.CustomerCode, c.Ids.DepartmentId, c.Now.AddDays(1)))),
        Case("balance request", "marked sent from a stale screen", "Points.RequestChanged",
            (s, c) => s.Get<BalanceRequestService>().MarkSentAsync(c.Ids.BalanceRequestId, c.Ids.BalanceRequestVersion + 1)),

        // Prizes (賞品・交換申請).
        Case("prize application", "quantity 0", "Prizes.QuantityPositive",
            (s, c) => s.Get<PrizeApplicationService>().ApplyAsync(new(c.Ids.UserAccountId, c.Ids.PrizeId, 0, OrderChannel.Fax, null))),
        Case("prize application", "quantity negative", "Prizes.QuantityPositive",
            (s, c) => s.Get<PrizeApplicationService>().ApplyAsync(new(c.Ids.UserAccountId, c.Ids.PrizeId, -2, OrderChannel.Fax, null))),
        Case("prize application", "more than in stock", "Prizes.OutOfStock",
            (s, c) => s.Get<PrizeApplicationService>().ApplyAsync(new(c.Ids.UserAccountId, c.Ids.PrizeId, 1_000, OrderChannel.Fax, null))),
        Case("prize application", "an unknown prize", "Prizes.PrizeNotFound",
            (s, c) => s.Get<PrizeApplicationService>().ApplyAsync(new(c.Ids.UserAccountId, -1, 1, OrderChannel.Fax, null))),
        Case("prize application", "FAX received tomorrow", "Points.FaxReceivedInFuture",
            (s, c) => s.Get<PrizeApplicationService>()
            .ApplyAsync(new(c.Ids.UserAccountId, c.Ids.PrizeId, 1, OrderChannel.Fax, c.Now.AddDays(1)))),
        Case("prize application", "shipped without a carrier", "Prizes.CarrierRequired",
            (s, c) => s.Get<PrizeApplicationService>()
            .ShipAsync(c.Ids.ArrangedApplicationId, c.Ids.ArrangedApplicationVersion, " ", "1234")),
        Case("prize application", "shipped without a tracking number", "Prizes.TrackingRequired",
            (s, c) => s.Get<PrizeApplicationService>()
            .ShipAsync(c.Ids.ArrangedApplicationId, c.Ids.ArrangedApplicationVersion, "ヤマト", "　")),
        Case("prize application", "cancelled without a reason", "Prizes.CancelReasonRequired",
            (s, c) => s.Get<PrizeApplicationService>().CancelAsync(c.Ids.ReceivedApplicationId, c.Ids.ReceivedApplicationVersion, "")),
        Case("prize application", "cancelled with a 10,000-character reason", "Text.ReasonTooLong",
            (s, c) => s.Get<PrizeApplicationService>()
            .CancelAsync(c.Ids.ReceivedApplicationId, c.Ids.ReceivedApplicationVersion, TenThousand)),
        Case("prize application", "cancelled with an escape sequence in the reason", "Text.ReasonControlCharacters",
            (s, c) => s.Get<PrizeApplicationService>()
            .CancelAsync(c.Ids.ReceivedApplicationId, c.Ids.ReceivedApplicationVersion, "\u001b[2J取消")),
        Case("prize application", "cancel a shipped one", "Prizes.CannotCancel",
            (s, c) => s.Get<PrizeApplicationService>().CancelAsync(c.Ids.ShippedApplicationId, c.Ids.ShippedApplicationVersion, "依頼")),
        Case("prize application", "complete one not shipped", "Prizes.WrongStatus",
            (s, c) => s.Get<PrizeApplicationService>().CompleteAsync(c.Ids.ReceivedApplicationId, c.Ids.ReceivedApplicationVersion)),
        Prize("prize without a code", "Prizes.CodeRequired", p => p with { Code = " " }),
        Prize("prize without a name", "Prizes.NameRequired", p => p with { Name = null }),
        Prize("prize costing 0 points", "Prizes.CostPositive", p => p with { PointCost = 0 }),
        Prize("prize costing negative points", "Prizes.CostPositive", p => p with { PointCost = int.MinValue }),
        Prize("prize stock negative", "Prizes.StockNegative", p => p with { Stock = -1 }),
        Prize("prize period reversed", "Prizes.PeriodReversed",
            p => p with { ActiveFrom = new DateOnly(2027, 1, 1), ActiveTo = new DateOnly(2026, 1, 1) }),
        Prize("prize without a start", "Prizes.ActiveFromRequired", p => p with { ActiveFrom = null }),
        Case("prize catalogue", "picture of HTML", "Prizes.ImageType",
            (s, c) => s.Get<PrizeCatalogService>().SetImageAsync(c.Ids.PrizeId, c.Ids.PrizeVersion, "<html>"u8.ToArray(), "text/html")),
        Case("prize catalogue", "empty picture", "Prizes.ImageSize",
            (s, c) => s.Get<PrizeCatalogService>().SetImageAsync(c.Ids.PrizeId, c.Ids.PrizeVersion, [], "image/png")),
        Case("prize catalogue", "picture of 2 MB", "Prizes.ImageSize",
            (s, c) => s.Get<PrizeCatalogService>()
            .SetImageAsync(c.Ids.PrizeId, c.Ids.PrizeVersion, new byte[2 * 1024 * 1024], "image/png")),

        // Business calendar and regions (営業日カレンダー・地域).
        Case("calendar", "closure without a name", "Calendar.NameRequired",
            (s, c) => s.Get<BusinessCalendarService>().AddClosureAsync(new DateOnly(2026, 12, 24), " ")),
        Case("calendar", "closure named with 10,000 characters", "Calendar.NameTooLong",
            (s, c) => s.Get<BusinessCalendarService>().AddClosureAsync(new DateOnly(2026, 12, 24), TenThousand)),
        Case("calendar", "closure on a day already closed", "Calendar.ClosureExists",
            (s, c) => s.Get<BusinessCalendarService>().AddClosureAsync(YearEnd, "年末")),
        Case("calendar", "holiday on a day already a holiday", "Calendar.HolidayExists",
            (s, c) => s.Get<BusinessCalendarService>().AddHolidayAsync(NewYear, "元日")),
        Case("calendar", "closure in year 9999", "Calendar.YearOutOfRange",
            (s, c) => s.Get<BusinessCalendarService>().AddClosureAsync(new DateOnly(9999, 12, 31), "未来")),
        Case("regions", "lead days negative", "Regions.LeadDaysRange",
            (s, c) => s.Get<RegionSettingsService>()
            .UpdateAsync(new(c.Ids.RegionId, c.Ids.RegionVersion, new TimeOnly(17, 0), new TimeOnly(17, 30), -1))),
        Case("regions", "lead days 1,000", "Regions.LeadDaysRange",
            (s, c) => s.Get<RegionSettingsService>()
            .UpdateAsync(new(c.Ids.RegionId, c.Ids.RegionVersion, new TimeOnly(17, 0), new TimeOnly(17, 30), 1000))),
        Case("regions", "cutoff with seconds", "Regions.WholeMinutes",
            (s, c) => s.Get<RegionSettingsService>()
            .UpdateAsync(new(c.Ids.RegionId, c.Ids.RegionVersion, new TimeOnly(17, 0, 30), new TimeOnly(17, 30), 0))),
        Case("regions", "cutoff from a stale screen", "Regions.Changed",
            (s, c) => s.Get<RegionSettingsService>()
            .UpdateAsync(new(c.Ids.RegionId, c.Ids.RegionVersion + 1, new TimeOnly(16, 0), new TimeOnly(17, 30), 0))),

        // Web-user unlock (ID失効・ロック解除): the caller's verification.
        Case("unlock", "no verification", "Accounts.VerificationRequired",
            (s, c) => s.Get<WebUserLockoutService>()
            .UnlockAsync(new(c.Ids.LockedUserId, c.Ids.LockedUserVersion, new(null, null, null), false))),
        Case("unlock", "wrong customer code", "Accounts.CustomerCodeMismatch",
            (s, c) => s.Get<WebUserLockoutService>()
            .UnlockAsync(new(c.Ids.LockedUserId, c.Ids.LockedUserVersion, c.Verification with { CustomerCode = Sql }, false))),
        Case("unlock", "wrong phone", "Accounts.PhoneMismatch",
            (s, c) => s.Get<WebUserLockoutService>()
            .UnlockAsync(new(c.Ids.LockedUserId, c.Ids.LockedUserVersion, c.Verification with { PhoneOrFax = "０９０－００００－００００" }, false))),
        Case("unlock", "wrong department", "Accounts.DepartmentMismatch",
            (s, c) => s.Get<WebUserLockoutService>()
            .UnlockAsync(new(c.Ids.LockedUserId, c.Ids.LockedUserVersion, c.Verification with { DepartmentId = c.OtherDepartmentId },
            false))),
        Case("unlock", "a user who is not locked", "Accounts.NotLocked",
            (s, c) => s.Get<WebUserLockoutService>().UnlockAsync(new(c.Ids.PlainUserId, c.Ids.PlainUserVersion, c.Verification, false))),
        Case("unlock", "the last administrator stepping down", "Accounts.LastAdministrator",
            (s, c) => s.Get<WebUserLockoutService>()
            .SetAdministratorAsync(new(c.Ids.AdministratorId, c.AdministratorVersion, false, "山田 花子 様(電話)"))),

        // Stock receipt keyed on the stock page (入荷の入力) and a back order's cancel (入荷待ちの取消).
        Stock("code missing", "Warehouse.Stock.CodeMissing", "　", "5"),
        Stock("code SQL", "Warehouse.Stock.UnknownProduct", Sql, "5"),
        Stock("code 10,000 characters", "Warehouse.Stock.UnknownProduct", TenThousand, "5"),
        Stock("quantity emoji", "Warehouse.Stock.QuantityNotNumber", Pen, "🙂"),
        Stock("quantity 30 digits", "Warehouse.Stock.QuantityNotNumber", Pen, new string('9', 30)),
        Stock("quantity full-width negative", "Warehouse.Stock.QuantityNotNumber", Pen, "－３"),
        Stock("quantity a formula", "Warehouse.Stock.QuantityNotNumber", Pen, "=1+1"),
        Stock("quantity 0", "Warehouse.Stock.QuantityRange", Pen, "0"),
        Stock("date a script", "Warehouse.Stock.DateNotValid", Pen, "5", Script),
        Stock("date 31 February", "Warehouse.Stock.DateNotValid", Pen, "5", "2026/02/31"),
        Stock("date in year 9999", "Warehouse.Stock.ReceivedInFuture", Pen, "5", "9999/12/31"),
        Case("back order", "cancel without a reason", "Ordering.BackOrder.ReasonRequired",
            (s, c) => s.Get<BackOrderService>().CancelAsync(new(c.Data.BackOrder.OrderId,
            c.Data.BackOrder.Version, c.Data.BackOrder.LineNumber, "　"))),
        Case("back order", "cancel for 10,000 characters", "Text.ReasonTooLong",
            (s, c) => s.Get<BackOrderService>().CancelAsync(new(c.Data.BackOrder.OrderId,
            c.Data.BackOrder.Version, c.Data.BackOrder.LineNumber, TenThousand))),
        Case("back order", "cancel a line that is not waiting", "Ordering.BackOrder.NotWaiting",
            (s, c) => s.Get<BackOrderService>().CancelAsync(new(c.Ids.OpenOrderId,
            c.Ids.OpenOrderVersion, 1, "お客様のご依頼"))),
        Case("back order", "cancel from a stale screen", "Ordering.OrderChanged",
            (s, c) => s.Get<BackOrderService>().CancelAsync(new(c.Data.BackOrder.OrderId,
            c.Data.BackOrder.Version + 1, c.Data.BackOrder.LineNumber, "お客様のご依頼"))),
        Case("stock-out notice", "mark an order with no short line", "Ordering.StockOutNotice.NoShortLines",
            (s, c) => s.Get<StockOutNoticeService>()
            .MarkSentAsync(c.Ids.OpenOrderId, c.Ids.OpenOrderVersion)),
        Case("stock-out notice", "mark from a stale screen", "Ordering.OrderChanged", (s, c) => s.Get<StockOutNoticeService>()
            .MarkSentAsync(c.Data.BackOrder.OrderId, c.Data.BackOrder.Version + 1)),
        Advised("date missing", "Ordering.SpecialOrder.DateMissing", "　"),
        Advised("date a script", "Ordering.SpecialOrder.DateNotValid", Script),
        Advised("date SQL", "Ordering.SpecialOrder.DateNotValid", Sql),
        Advised("date 10,000 characters", "Ordering.SpecialOrder.DateNotValid", TenThousand),
        Advised("date 31 February", "Ordering.SpecialOrder.DateNotValid", "2026/02/31"),
        Advised("date before the acceptance day", "Ordering.SpecialOrder.BeforeAcceptance", "2026/11/01"),
        Advised("date in year 9999", "Ordering.SpecialOrder.TooFar", "9999/12/31"),
        Case("special order", "a shipment that is not a special order", "Ordering.SpecialOrder.NotSpecialOrder",
            (s, c) => s.Get<SpecialOrderService>()
            .RecordAdvisedDateAsync(
                new(c.Data.SpecialOrder.OrderId, c.Data.SpecialOrder.Version, c.Data.SpecialOrder.ShipmentId + 100_000, "2026/12/10"))),
        Case("special order", "date from a stale screen", "Ordering.OrderChanged", (s, c) => s.Get<SpecialOrderService>()
            .RecordAdvisedDateAsync(
                new(c.Data.SpecialOrder.OrderId, c.Data.SpecialOrder.Version + 1, c.Data.SpecialOrder.ShipmentId, "2026/12/10"))),

        // Purchase data and reports (購入データ・レポート): ranges.
        Purchases("range reversed", "Reporting.RangeInverted",
            q => q with { From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 10, 1) }),
        Purchases("range in the future", "Reporting.RangeInFuture", q => q with { To = new DateOnly(2027, 1, 1) }),
        Purchases("more than 15 months back", "Reporting.RangeTooOld", q => q with { From = new DateOnly(2020, 1, 1) }),
        Purchases("an unknown customer", "Reporting.CustomerNotFound", q => q with { CustomerId = 999_999 }),
        Purchases("another customer's department", "Reporting.DepartmentNotFound", q => q with { DepartmentId = 999_999 }),
        Case("eco report", "months reversed", "Reporting.MonthRangeInverted",
            (s, c) => s.Get<EcoReportService>().GetAsync(new(c.Ids.CustomerId, null, new DateOnly(2026, 11, 1), new DateOnly(2026, 1, 1)))),
        Case("operations reports", "a range of ten years", "Reporting.RangeTooLong",
            (s, c) => s.Get<OperationsReportService>().AllAsync(new(new DateOnly(2016, 1, 1), new DateOnly(2026, 11, 1)))),
        // Staff administration (スタッフ管理), as the administrator: user names, names, roles, dealers, the last administrator.
        NewStaff("user name missing", "Staff.UserNameRequired", m => m with { UserName = "　" }),
        NewStaff("user name of 10,000 characters", "Staff.UserNameInvalid", m => m with { UserName = new string('a', 10_000) }),
        NewStaff("user name SQL", "Staff.UserNameInvalid", m => m with { UserName = Sql }),
        NewStaff("user name script", "Staff.UserNameInvalid", m => m with { UserName = Script }),
        NewStaff("user name emoji", "Staff.UserNameInvalid", m => m with { UserName = "desk🙂" }),
        NewStaff("user name kanji", "Staff.UserNameInvalid", m => m with { UserName = "山田花子" }),
        NewStaff("user name with a bell character", "Staff.UserNameInvalid", m => m with { UserName = "desk\u0007x" }),
        NewStaff("user name taken, typed full-width in capitals", "Staff.UserNameTaken", m => m with { UserName = "ＭＡＴＲＩＸ－ＤＥＳＫ" }),
        NewStaff("name blank (全角 space)", "Staff.DisplayNameRequired", m => m with { DisplayName = "　" }),
        NewStaff("name of 10,000 characters", "Staff.DisplayNameInvalid", m => m with { DisplayName = TenThousand }),
        NewStaff("name with a line break", "Staff.DisplayNameInvalid", m => m with { DisplayName = "新人\n花子" }),
        NewStaff("role SQL", "Staff.RoleUnknown", m => m with { Role = Sql }),
        NewStaff("dealer rep without a dealer", "Staff.DealerRequired", m => m with { Role = StaffRoles.DealerRep }),
        NewStaff("dealer rep of an unknown dealer", "Staff.DealerUnknown", m => m with { Role = StaffRoles.DealerRep, DealerId = 999_999 }),
        Case("staff", "disable oneself", "Staff.CannotDisableSelf",
            (s, c) => s.Get<StaffAdministrationService>().DisableAsync(TestStaff.Administrator.Id, "x"), TestStaff.Administrator),
        Case("staff", "demote the last administrator", "Staff.LastAdministrator",
            (s, c) => s.Get<StaffAdministrationService>().ChangeAccessAsync(new(TestStaff.Administrator.Id,
            c.AdministratorStaffVersion, StaffRoles.Supervisor, null)), TestStaff.Administrator),
        Case("staff", "change from a stale screen", "Staff.Changed",
            (s, c) => s.Get<StaffAdministrationService>().DisableAsync(c.Data.Staff.TargetId, "stale"), TestStaff.Administrator),
        Case("staff", "unlock someone not locked", "Staff.NotLocked",
            (s, c) => s.Get<StaffAdministrationService>().UnlockAsync(c.Data.Staff.TargetId, c.Data.Staff.TargetVersion),
            TestStaff.Administrator),
        // One's own password (パスワード変更): the rules of ASVS 6.2.
        OwnPassword("current password missing", "Staff.CurrentPasswordRequired", "", "paper lantern over the river"),
        OwnPassword("new password of 7 characters", "Staff.PasswordTooShort", StaffTestData.Password, "kq7#vd2"),
        OwnPassword("new password of three emoji", "Staff.PasswordTooShort", StaffTestData.Password, "🙂🙂🙂"),
        OwnPassword("new password of 10,000 characters", "Staff.PasswordTooLong", StaffTestData.Password, TenThousand),
        OwnPassword("new password a common one", "Staff.PasswordCommon", StaffTestData.Password, "P@ssw0rd"),
        OwnPassword("new password the user name and a year", "Staff.PasswordCommon", StaffTestData.Password, "matrix-super2026"),
        OwnPassword("confirmation differs", "Staff.PasswordConfirmationMismatch", StaffTestData.Password, "paper lantern over the river",
            "paper lantern over the rive"),
    ];

    public static TheoryData<string> Names => new(Cases.Select(c => c.Name));

    [Fact]
    public void The_corpus_has_at_least_a_hundred_inputs() => Assert.InRange(Cases.Length, 100, 1000);

    private static readonly HashSet<string> RecordedRefusals =
        ["Accounts.CustomerCodeMismatch", "Accounts.DepartmentMismatch", "Accounts.PhoneMismatch"];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Bad_input_is_refused_with_its_message_and_nothing_is_saved(string name)
    {
        var input = Cases.Single(c => c.Name == name);
        await using var copy = data.Template.Copy();
        await using var services = MatrixDatabase.Services(copy, input.Caller ?? TestStaff.Supervisor);
        await using var scope = services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => input.Call(scope.ServiceProvider, new CorpusContext(data)));

        Assert.Equal(input.ExpectedKey, refused.Key);
        // What the refusal names (an upload's problem) is in its message, in the language it was raised in.
        if (input.DetailKey is { } detail)
            Assert.Contains(DomainText.Format(detail), refused.Message);
        foreach (var key in new[] { refused.Key, input.DetailKey }.OfType<string>())
        {
            foreach (var culture in new[] { "ja-JP", "en-US" })
            {
                var text = WithCulture(culture, () => DomainText.Format(key, []));
                Assert.False(string.IsNullOrWhiteSpace(text) || text == key, $"{key} has no {culture} message");
            }
        }
        // A caller verification that failed on the records is kept on purpose (docs/desk-walkthrough.md): its history entry
        // is the only change.
        var changed = (await DatabaseSnapshot.TakeAsync(copy)).ChangedSince(data.Snapshot);
        Assert.Equal(RecordedRefusals.Contains(refused.Key) ? ["AuditEntries"] : [], changed);
        // Nor a file beside the database (a refused upload archives nothing).
        Assert.DoesNotContain(Directory.GetFiles(copy.Folder, "*", SearchOption.AllDirectories),
            f => !Path.GetFileName(f).StartsWith("test.db", StringComparison.Ordinal));
    }

    private static string WithCulture(string culture, Func<string> text)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static CorpusCase Case(string form, string input, string key, Func<IServiceProvider, CorpusContext, Task> call,
        TestStaff? caller = null) =>
        new($"{form}: {input}", key, call, Caller: caller);

    private static CorpusCase NewStaff(string input, string key, Func<NewStaffMember, NewStaffMember> change) =>
        Case("new staff member", input, key,
            (s, c) => s.Get<StaffAdministrationService>().CreateAsync(change(new("hanako", "新人 花子", StaffRoles.DeskAgent, null))),
            TestStaff.Administrator);

    private static CorpusCase OwnPassword(string input, string key, string current, string next, string? confirmation = null) =>
        Case("own password", input, key,
            (s, c) => s.Get<StaffPasswordService>().ChangeOwnAsync(new(current, next, confirmation ?? next, null)));

    /// <summary>A file handed in by hand that is no FAX: refused, naming the file and its problem.</summary>
    private static CorpusCase Upload(string input, string fileName, Func<byte[]> content, FaxFileProblem problem) =>
        new($"FAX upload: {input}", "FaxInbox.UploadRefused",
            (s, c) => s.Get<FaxInboxService>().UploadAsync(new(fileName, content(), c.Now.AddMinutes(-5), null)),
            "FaxInbox.Problem." + problem);

    private static CorpusCase Stock(string input, string key, string code, string quantity, string date = "2026/11/20") =>
        Case("stock receipt", input, key, (s, c) => s.Get<StockService>().RecordReceiptAsync(new(code, quantity, date)));

    private static CorpusCase Order(string input, string key, params FaxOrderDraftLine[] lines) =>
        Draft(input, key, d => d with { Lines = lines });

    private static CorpusCase Quote(string input, string key, params FaxOrderDraftLine[] lines) =>
        Case("quote", input, key, (s, c) => s.Get<QuoteService>().IssueAsync(c.Draft with { Lines = lines }));

    private static CorpusCase Draft(string input, string key, Func<FaxOrderDraft, FaxOrderDraft> change) =>
        Case("FAX order", input, key,
            (s, c) => s.Get<FaxOrderService>()
            .SaveAsync(new(change(c.Draft), Guid.NewGuid(), SoftBudgetConfirmed: true, DuplicateConfirmed: true)));

    private static CorpusCase Return(string input, string key, Func<CorpusContext, int, ReturnLineInput[]> lines,
        string code = MatrixDatabase.CustomerCode,
        Func<CorpusContext, DateTimeOffset>? receivedAt = null) =>
        Case("return slip", input, key,
            (s, c) => s.Get<ReturnSlipService>()
            .CreateAsync(new(c.Ids.DeliveredOrderId, code, receivedAt?.Invoke(c), lines(c, c.Ids.DeliveredLineId))));

    private static CorpusCase Settings(string input, string key, Func<CustomerSettings, CustomerSettings> change) =>
        Case("account", input, key,
            (s, c) => s.Get<CustomerAccountService>().UpdateSettingsAsync(new(c.Ids.CustomerId, c.Ids.CustomerVersion,
            change(new CustomerSettings(false, null, 0, null, null)), MatrixDatabase.ByFax)));

    private static CorpusCase Department(string input, string key, Func<DepartmentEdit, DepartmentEdit> change) =>
        Case("account", input, key,
            (s, c) => s.Get<CustomerAccountService>()
            .SaveDepartmentAsync(change(new(c.Ids.CustomerId, null, 0, "経理部", "100-0001", "東京都千代田区1-1",
            "03-1234-5678", 100_000, BudgetKind.Hard, MatrixDatabase.ByFax))));

    private static CorpusCase Registration(string input, string key, Func<CustomerRegistration, CustomerRegistration> change) =>
        Case("registration", input, key,
            (s, c) => s.Get<CustomerRegistrationService>()
            .RegisterAsync(change(new("株式会社新規", "シンキ", "100-0001", "東京都", "03-9999-0000", null,
            c.Ids.RegionId, c.Ids.DealerId, "総務部", "新井 一郎", null, true, MatrixDatabase.ByFax))));

    private static CorpusCase Prize(string input, string key, Func<PrizeEdit, PrizeEdit> change) =>
        Case("prize catalogue", input, key,
            (s, c) => s.Get<PrizeCatalogService>()
            .SaveAsync(change(new(0, 0, "PZ9999", "図書カード", 500, 10, new DateOnly(2026, 12, 1), null))));

    private static CorpusCase Advised(string input, string key, string date) =>
        Case("special order", input, key, (s, c) => s.Get<SpecialOrderService>()
            .RecordAdvisedDateAsync(new(c.Data.SpecialOrder.OrderId, c.Data.SpecialOrder.Version, c.Data.SpecialOrder.ShipmentId, date)));

    private static CorpusCase Purchases(string input, string key, Func<PurchaseDataQuery, PurchaseDataQuery> change) =>
        Case("purchase data", input, key,
            (s, c) => s.Get<PurchaseDataService>()
            .PlanAsync(change(new(c.Ids.CustomerId, null, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 25))),
            ExportFormat.CsvShiftJis));
}

/// <param name="DetailKey">A text the refusal's message must contain besides its own (e.g. why an uploaded file is refused).</param>
/// <summary>One input of the corpus; <see cref="Caller"/> when the form is not a supervisor's (staff administration).</summary>
public sealed record CorpusCase(string Name, string ExpectedKey, Func<IServiceProvider, CorpusContext, Task> Call, string? DetailKey = null,
    TestStaff? Caller = null)
{
    public override string ToString() => Name;
}

/// <summary>The fixture's ids, and what the cases build from them.</summary>
public sealed record CorpusContext(MatrixDatabase Data)
{
    public MatrixIds Ids => Data.Ids;
    public DateTimeOffset Now => Data.Template.Clock.GetUtcNow();
    public FaxOrderDraft Draft => Data.OrderDraft(Ids.CustomerId, Ids.DepartmentId);
    public int OtherCustomerId => Data.OtherIds.CustomerId;
    public int OtherDepartmentId => Data.OtherIds.DepartmentId;
    public int AdministratorVersion => Data.OtherIds.AdministratorVersion;
    /// <summary>The matrix administrator's own account version (as /staff shows it).</summary>
    public string AdministratorStaffVersion => Data.Staff.AdministratorVersion;
    public CallerVerification Verification => new(MatrixDatabase.CustomerCode, "03-2222-3333", Ids.DepartmentId, "山田");
    /// <summary>The FAX the caller of the corpus (a supervisor) holds.</summary>
    public int FaxHeld => Data.Fax.HeldBy[TestStaff.Supervisor.Id];
}

internal static class ServiceProviderSteps
{
    public static T Get<T>(this IServiceProvider services) where T : notnull => services.GetRequiredService<T>();
}
