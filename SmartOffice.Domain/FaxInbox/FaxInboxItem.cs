using SmartOffice.Domain.Persistence;

namespace SmartOffice.Domain.FaxInbox;

/// <summary>What a FAX asks for; the form it is keyed into follows from it.</summary>
public enum FaxKind
{
    /// <summary>未仕分け: not yet looked at (the FAX server cannot tell).</summary>
    Unsorted,
    /// <summary>FAX注文書.</summary>
    Order,
    /// <summary>返品依頼書.</summary>
    ReturnRequest,
    /// <summary>FAX専用ポイント確認依頼用紙.</summary>
    BalanceRequest,
    /// <summary>FAX専用賞品申込み用紙.</summary>
    PrizeApplication,
    /// <summary>Anything else (a question, an address change, advertising): closed with a note.</summary>
    Other,
}

/// <summary>新着 → 対応中 (who) → 完了 / 却下 (with a reason).</summary>
public enum FaxStatus
{
    New,
    InProgress,
    Done,
    Rejected,
}

/// <summary>How the FAX came in.</summary>
public enum FaxSource
{
    /// <summary>Dropped into the watched folder by the FAX server.</summary>
    FaxServer,
    /// <summary>Uploaded by hand by a member of staff.</summary>
    Upload,
    Demo,
}

/// <summary>
/// 受信FAX — one incoming FAX as a work item: one agent claims it, keys what it asks for and closes it. The original file
/// is kept in the archive folder; its pages are stored as PNG images (<see cref="FaxPage"/>) for the screen.
/// </summary>
public class FaxInboxItem : IVersioned
{
    public int Id { get; set; }
    /// <summary>The file name as the FAX server (or the uploader) gave it.</summary>
    public required string FileName { get; set; }
    /// <summary>SHA-256 of the original bytes, hex. With <see cref="FileName"/> the import's idempotency key.</summary>
    public required string ContentHash { get; set; }
    public FaxSource Source { get; set; }
    /// <summary>application/pdf, image/png, image/jpeg or image/tiff: what the original really is.</summary>
    public required string ContentType { get; set; }
    /// <summary>Where the original is kept, relative to the archive folder; null for demo FAXes.</summary>
    public string? ArchivedAs { get; set; }
    /// <summary>When the FAX arrived: from the file name when the FAX server's pattern carries it, else the file's time.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    /// <summary>The sender's FAX number as the file name carried it (送信元), digits only.</summary>
    public string? SenderFax { get; set; }
    /// <summary>The customer the sender is: matched by FAX number at import, or the one the keyed record is for.</summary>
    public int? CustomerId { get; set; }
    public FaxKind Kind { get; set; }
    public FaxStatus Status { get; set; }
    public int PageCount { get; set; }
    public string? ClaimedByStaffId { get; set; }
    public string? ClaimedByName { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? ClosedByStaffId { get; set; }
    public string? ClosedByName { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>却下の理由, or the note an "other" FAX was closed with.</summary>
    public string? CloseNote { get; set; }
    /// <summary>What was keyed from it (one of these, by <see cref="Kind"/>).</summary>
    public int? OrderId { get; set; }
    public int? ReturnSlipId { get; set; }
    public int? BalanceRequestId { get; set; }
    public int? PrizeApplicationId { get; set; }
    public int Version { get; set; }
}

/// <summary>One page of a FAX as the screen shows it: a PNG, whatever the original was.</summary>
public class FaxPage
{
    public int Id { get; set; }
    public int FaxInboxItemId { get; set; }
    public int PageNumber { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public required byte[] Png { get; set; }
}

/// <summary>Why a dropped file could not become a FAX item.</summary>
public enum FaxFileProblem
{
    /// <summary>Zero bytes.</summary>
    Empty,
    /// <summary>An extension the inbox does not take (.docx, .txt…).</summary>
    UnsupportedType,
    /// <summary>The content is not the PDF, PNG, JPEG or TIFF the name says.</summary>
    NotAnImage,
    /// <summary>A PDF that cannot be read (truncated, damaged).</summary>
    DamagedPdf,
    /// <summary>A PDF page without a scanned image (not a FAX).</summary>
    PdfPageWithoutImage,
    /// <summary>An image or TIFF that cannot be decoded (truncated, damaged).</summary>
    DamagedImage,
    TooLarge,
    TooManyPages,
    /// <summary>A page declares more pixels than <c>FaxInbox:MaxPagePixels</c> (refused from its header, before decoding).</summary>
    PageTooLarge,
    /// <summary>An earlier import of the file did not finish: the process ended while decoding it (docs/security-fixes.md).</summary>
    ImportInterrupted,
}

/// <summary>
/// 取込エラー: a dropped file that could not be imported, moved to the quarantine folder (never deleted) and shown on the
/// inbox page until a supervisor dismisses it. (FileName, ContentHash) is unique, so a retry never doubles it.
/// </summary>
public class FaxIntakeIssue
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required string ContentHash { get; set; }
    public FaxFileProblem Problem { get; set; }
    /// <summary>The technical detail (the decoder's message), for the log and the supervisor.</summary>
    public string? Detail { get; set; }
    /// <summary>Where the file is kept, relative to the quarantine folder.</summary>
    public required string QuarantinedAs { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset? DismissedAt { get; set; }
    public string? DismissedByName { get; set; }
}
