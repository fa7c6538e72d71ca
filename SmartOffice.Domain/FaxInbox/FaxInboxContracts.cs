using SmartOffice.Domain.FaxInbox.Recognition;

namespace SmartOffice.Domain.FaxInbox;

/// <summary>Which part of the queue the inbox lists.</summary>
public enum FaxInboxView
{
    /// <summary>新着 and 対応中, oldest first.</summary>
    Open,
    /// <summary>The caller's claims.</summary>
    Mine,
    /// <summary>完了, newest first.</summary>
    Done,
    /// <summary>却下, newest first.</summary>
    Rejected,
}

public sealed record FaxInboxQuery(FaxInboxView View, int Skip, int Take);

/// <summary>
/// The FAX cutoff (締時刻) a FAX counts against: that of the 受付日 it was received for (the customer's region, or the
/// <c>FaxInbox:UnmatchedRegionCode</c> region for an unknown sender). <see cref="MinutesLeft"/> is negative once it has
/// passed. <see cref="Overdue"/>: received in time for it, still open after it — the supervisor's warning.
/// </summary>
public sealed record FaxCutoff(DateTimeOffset At, DateOnly AcceptanceDay, bool ReceivedBeforeCutoff, int MinutesLeft, string RegionName)
{
    public bool Overdue => ReceivedBeforeCutoff && MinutesLeft <= 0;
}

/// <summary>What was keyed from a FAX: the record's kind, id and number (注文番号, 返品伝票番号, 申請番号, request id).</summary>
public sealed record FaxKeyedRecord(FaxKind Kind, int Id, string Number);

/// <summary>
/// One FAX in the queue. <see cref="Cutoff"/> only for FAXes that may be orders (order and unsorted), open ones.
/// <see cref="Recognition"/>: how far the background reading got (null: not yet); <see cref="FaxRecognitionState.Read"/>
/// means the order form was found, and 注文 is proposed for the agent's sort.
/// </summary>
public sealed record FaxInboxRow(int Id, DateTimeOffset ReceivedAt, string FileName, FaxSource Source, string? SenderFax, int? CustomerId,
    string? CustomerCode, string? CustomerName, FaxKind Kind, FaxStatus Status, string? ClaimedByStaffId, string? ClaimedByName,
    DateTimeOffset? ClaimedAt, string? ClosedByName, DateTimeOffset? ClosedAt, string? CloseNote, int PageCount, FaxKeyedRecord? Keyed,
    FaxCutoff? Cutoff, int Version, FaxRecognitionState? Recognition = null)
{
    /// <summary>The kind the reading proposes for an unsorted FAX: 注文 when the order form was found.</summary>
    public FaxKind? ProposedKind => Kind == FaxKind.Unsorted && Recognition == FaxRecognitionState.Read ? FaxKind.Order : null;
}

/// <summary>Counts for the inbox's tabs and the supervisor's warning.</summary>
public sealed record FaxInboxSummary(int New, int InProgress, int Mine, int OverdueOpen);

public sealed record FaxInboxPage(IReadOnlyList<FaxInboxRow> Rows, int Total, FaxInboxSummary Summary);

/// <summary>A page image's size, so the viewer lays pages out before they load.</summary>
public sealed record FaxPageSize(int PageNumber, int Width, int Height);

public sealed record FaxInboxDetail(FaxInboxRow Item, IReadOnlyList<FaxPageSize> Pages, bool MayRelease);

/// <summary>A file the watcher could not import, as the inbox page lists it.</summary>
public sealed record FaxIntakeIssueRow(int Id, string FileName, FaxFileProblem Problem, string? Detail, string QuarantinedAs,
    DateTimeOffset DetectedAt);

/// <summary>A file handed in by hand: the agent says when it arrived (and from which number, when the name does not).</summary>
public sealed record FaxUpload(string FileName, byte[] Content, DateTimeOffset ReceivedAt, string? SenderFax);
