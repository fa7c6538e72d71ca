namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>The <c>FaxRecognition</c> section of appsettings.json: the background reading of order FAXes.</summary>
public sealed class FaxRecognitionOptions
{
    public const string Section = "FaxRecognition";

    /// <summary>Off: no FAX is read (the inbox works as before, without a notice).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>FAXes read at once, one engine each (≈ 40 MB and one core each while reading): 1 on a 2-core machine.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>The tesseract library (Debian's libtesseract5 installs libtesseract.so.5).</summary>
    public string Library { get; set; } = "libtesseract.so.5";

    /// <summary>The language data (Debian's tesseract-ocr-eng and tesseract-ocr-jpn).</summary>
    public string TessdataFolder { get; set; } = "/usr/share/tesseract-ocr/5/tessdata";

    /// <summary>How often the worker looks for unread FAXes when no import woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a worker's claim on a FAX holds; a worker that died mid-read leaves it to the next after this.</summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Readings started per FAX before it is marked unreadable (a page that crashes the engine is not retried forever).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Pages read per FAX: an order is on the first pages; a 50-page FAX is not an order form.</summary>
    public int MaxPages { get; set; } = 6;

    /// <summary>
    /// The engine confidence (0–100) from which a field that passed every check is shown as sure (measured on the
    /// corpus so that at most 0.2 % of sure fields are wrong: docs/fax-recognition.md).
    /// </summary>
    public float ConfidentFrom { get; set; } = 90;

    /// <summary>
    /// Usual products printed on a pre-filled form (the department's most ordered of the past year); the rows left stay
    /// free for anything else.
    /// </summary>
    public int PrefilledProducts { get; set; } = 6;

    /// <summary>
    /// Characters the engine confuses (each string one group): a catalogue code differing from the reading only in these is
    /// near. Empty means the usual ones, <see cref="UsualConfusions"/> (a list setting is added to, not replaced, by the
    /// configuration binder, so the default is not in the list itself).
    /// </summary>
    public List<string> Confusions { get; set; } = [];

    public static readonly IReadOnlyList<string> UsualConfusions = ["0O", "1Il", "5S", "8B"];

    public IReadOnlyList<string> ConfusionGroups => Confusions.Count > 0 ? Confusions : UsualConfusions;
}
