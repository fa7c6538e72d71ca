namespace SmartOffice.Domain.FaxInbox;

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
