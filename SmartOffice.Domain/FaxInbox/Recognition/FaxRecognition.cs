namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>Where the reading of one FAX stands.</summary>
public enum FaxRecognitionState
{
    /// <summary>読取中: a worker has it (until <see cref="FaxRecognition.LeaseUntil"/>; after that another may take it over).</summary>
    Reading,
    /// <summary>読取済: the order form was found and read.</summary>
    Read,
    /// <summary>注文書ではない: no page is smartoffice's order form; the FAX is keyed as before.</summary>
    NotAForm,
    /// <summary>読取不可: the pages could not be read (after the attempts setting), keyed as before.</summary>
    Unreadable,
}

/// <summary>
/// 読取 — the recognition of one FAX inbox item, one per item (unique): the worker's claim on it, and what it found.
/// The row is the worker's queue as well: an item without one, or with an expired claim, is read (again) by the next
/// worker that looks, so a FAX imported while no worker ran is read when one starts.
/// </summary>
public class FaxRecognition
{
    public int Id { get; set; }
    public int FaxInboxItemId { get; set; }
    public FaxRecognitionState State { get; set; }
    /// <summary>How many times a worker started on it (a crash mid-read leaves the claim to expire, then it is tried again).</summary>
    public int Attempts { get; set; }
    /// <summary>While <see cref="FaxRecognitionState.Reading"/>: the claim holds until then.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>How long the last reading took (ms): pages decoded, form found, fields read.</summary>
    public int? DurationMs { get; set; }
    /// <summary>SO-01 (blank form) or SO-02 (pre-filled by the desk), when the ID box was read.</summary>
    public string? FormId { get; set; }
    /// <summary>Pages of the FAX that are the order form.</summary>
    public int FormPages { get; set; }
    /// <summary>Why it is unreadable (technical detail, for the log and the supervisor).</summary>
    public string? Problem { get; set; }
    public string? EngineVersion { get; set; }

    public List<FaxRecognizedField> Fields { get; set; } = [];
}

/// <summary>
/// One field read from a FAX (お客様番号, 部署, FAX番号, or a line's 商品コード, 数量, 行コメント): its text, the engine's
/// confidence, the second reading when it differed, and its box on the stored page image (pixels). When the agent saves
/// the order, what was pre-filled and what was saved are recorded; <see cref="ChangedByAgent"/> feeds the accuracy page.
/// A field the reader missed and the agent keyed is a row with an empty <see cref="Text"/>.
/// </summary>
public class FaxRecognizedField
{
    public long Id { get; set; }
    public int FaxRecognitionId { get; set; }
    public OrderFormField Field { get; set; }
    /// <summary>0 for the header's fields; else the row across the form's pages (page 2's first row is 9).</summary>
    public int LineNumber { get; set; }
    public int PageNumber { get; set; }
    public int BoxX { get; set; }
    public int BoxY { get; set; }
    public int BoxWidth { get; set; }
    public int BoxHeight { get; set; }
    public required string Text { get; set; }
    public string? Alternative { get; set; }
    /// <summary>0–100.</summary>
    public float Confidence { get; set; }
    /// <summary>What the entry form showed the agent (after the catalogue's proposal).</summary>
    public string? PrefilledText { get; set; }
    /// <summary>What the agent saved.</summary>
    public string? KeyedText { get; set; }
    public bool? ChangedByAgent { get; set; }
    public DateTimeOffset? KeyedAt { get; set; }

    /// <summary>The agent saved the order: what the entry form showed from this field, what was saved, and whether they differ.</summary>
    internal void Confirm(string? prefilled, string? keyed, bool changed, DateTimeOffset at) =>
        (PrefilledText, KeyedText, ChangedByAgent, KeyedAt) = (prefilled, keyed, changed, at);

    /// <summary>A field the reader missed and the agent keyed: nothing read, counted as changed.</summary>
    internal static FaxRecognizedField Missed(int recognitionId, OrderFormField field, int lineNumber, string keyed, DateTimeOffset at) =>
        new() { FaxRecognitionId = recognitionId, Field = field, LineNumber = lineNumber, Text = "", KeyedText = keyed,
            ChangedByAgent = true, KeyedAt = at };
}
