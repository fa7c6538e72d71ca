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
/// Its state changes only through the methods below, each of which refuses (returns false, nothing changed) when the FAX
/// is not in a state that allows it; the service turns a refusal into the message of who holds or closed it
/// (docs/architecture.md, "FAX inbox").
/// </summary>
public class FaxInboxItem : IVersioned
{
    /// <summary>For EF Core; new FAXes come from <see cref="Received"/>.</summary>
    private FaxInboxItem()
    {
    }

    public int Id { get; private set; }
    /// <summary>The file name as the FAX server (or the uploader) gave it.</summary>
    public string FileName { get; private set; } = "";
    /// <summary>SHA-256 of the original bytes, hex. With <see cref="FileName"/> the import's idempotency key.</summary>
    public string ContentHash { get; private set; } = "";
    public FaxSource Source { get; private set; }
    /// <summary>application/pdf, image/png, image/jpeg or image/tiff: what the original really is.</summary>
    public string ContentType { get; private set; } = "";
    /// <summary>Where the original is kept, relative to the archive folder; null for demo FAXes.</summary>
    public string? ArchivedAs { get; private set; }
    /// <summary>When the FAX arrived: from the file name when the FAX server's pattern carries it, else the file's time.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset ImportedAt { get; private set; }
    /// <summary>The sender's FAX number as the file name carried it (送信元), digits only.</summary>
    public string? SenderFax { get; private set; }
    /// <summary>The customer the sender is: matched by FAX number at import, or the one the keyed record is for.</summary>
    public int? CustomerId { get; private set; }
    public FaxKind Kind { get; private set; }
    public FaxStatus Status { get; private set; }
    public int PageCount { get; private set; }
    public string? ClaimedByStaffId { get; private set; }
    public string? ClaimedByName { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    public string? ClosedByStaffId { get; private set; }
    public string? ClosedByName { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>却下の理由, or the note an "other" FAX was closed with.</summary>
    public string? CloseNote { get; private set; }
    /// <summary>What was keyed from it (one of these, by <see cref="Kind"/>).</summary>
    public int? OrderId { get; private set; }
    public int? ReturnSlipId { get; private set; }
    public int? BalanceRequestId { get; private set; }
    public int? PrizeApplicationId { get; private set; }
    public int Version { get; set; }

    /// <summary>A FAX as it arrives (FAX server, upload or demo): 新着, unsorted, its sender not yet matched.</summary>
    public static FaxInboxItem Received(string fileName, string contentHash, FaxSource source, string contentType, string? archivedAs,
        DateTimeOffset receivedAt, DateTimeOffset importedAt, string? senderFax, int pageCount) => new()
    {
        FileName = fileName,
        ContentHash = contentHash,
        Source = source,
        ContentType = contentType,
        ArchivedAs = archivedAs,
        ReceivedAt = receivedAt,
        ImportedAt = importedAt,
        SenderFax = senderFax,
        Kind = FaxKind.Unsorted,
        Status = FaxStatus.New,
        PageCount = pageCount,
    };

    public bool IsOpen => Status is FaxStatus.New or FaxStatus.InProgress;

    public bool IsClaimedBy(string staffId) => Status == FaxStatus.InProgress && ClaimedByStaffId == staffId;

    /// <summary>The customer the sender's FAX number identifies (none when unknown or shared); only while the FAX is new.</summary>
    public bool IdentifySender(int? customerId)
    {
        if (Status != FaxStatus.New)
            return false;
        CustomerId = customerId;
        return true;
    }

    /// <summary>担当する: a new FAX becomes the staff member's.</summary>
    public bool Claim(string staffId, string staffName, DateTimeOffset at)
    {
        if (Status != FaxStatus.New)
            return false;
        (Status, ClaimedByStaffId, ClaimedByName, ClaimedAt) = (FaxStatus.InProgress, staffId, staffName, at);
        return true;
    }

    /// <summary>担当を外す: back to 新着. Who may release whose claim is the service's check (a supervisor may release anyone's).</summary>
    public bool Release()
    {
        if (Status != FaxStatus.InProgress)
            return false;
        (Status, ClaimedByStaffId, ClaimedByName, ClaimedAt) = (FaxStatus.New, null, null, null);
        return true;
    }

    /// <summary>仕分け: anyone may sort a new FAX; one in progress only its claimant; a closed one nobody.</summary>
    public bool Sort(FaxKind kind, string staffId)
    {
        if (Status != FaxStatus.New && !IsClaimedBy(staffId))
            return false;
        Kind = kind;
        return true;
    }

    /// <summary>却下 with a reason, by its claimant.</summary>
    public bool Reject(string staffId, string staffName, DateTimeOffset at, string reason) =>
        Close(FaxStatus.Rejected, staffId, staffName, at, reason);

    /// <summary>完了 of an "other" FAX with a note, by its claimant. Only a FAX sorted as "other" closes without a record.</summary>
    /// <exception cref="BusinessRuleException">The claimant's FAX is of another kind: its form must be keyed.</exception>
    public bool CloseOther(string staffId, string staffName, DateTimeOffset at, string note)
    {
        if (IsClaimedBy(staffId) && Kind != FaxKind.Other)
            throw new BusinessRuleException("FaxInbox.OnlyOtherCloses");
        return Close(FaxStatus.Done, staffId, staffName, at, note);
    }

    /// <summary>完了 by its claimant with the record keyed from it (and that record's customer).</summary>
    public bool KeyedAs(FaxKind kind, int recordId, int customerId, string staffId, string staffName, DateTimeOffset at)
    {
        if (!Close(FaxStatus.Done, staffId, staffName, at, CloseNote))
            return false;
        (Kind, CustomerId) = (kind, customerId);
        switch (kind)
        {
            case FaxKind.Order: OrderId = recordId; break;
            case FaxKind.ReturnRequest: ReturnSlipId = recordId; break;
            case FaxKind.BalanceRequest: BalanceRequestId = recordId; break;
            case FaxKind.PrizeApplication: PrizeApplicationId = recordId; break;
        }
        return true;
    }

    private bool Close(FaxStatus to, string staffId, string staffName, DateTimeOffset at, string? note)
    {
        if (!IsClaimedBy(staffId))
            return false;
        (Status, ClosedByStaffId, ClosedByName, ClosedAt, CloseNote) = (to, staffId, staffName, at, note);
        return true;
    }
}
