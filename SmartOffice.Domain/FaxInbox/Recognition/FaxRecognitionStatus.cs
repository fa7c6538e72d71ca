namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>
/// Whether FAX reading works in this process (in memory, like <see cref="FaxIntakeStatus"/>): the worker reports once at
/// start whether the engine loaded. When it did not (tesseract or its language data missing), the inbox shows one notice
/// and everything else works as before.
/// </summary>
public sealed class FaxRecognitionStatus
{
    /// <summary>True once an engine has loaded.</summary>
    public bool Running { get; private set; }

    /// <summary>Why reading is off (technical: which file is missing), or null when it is on or switched off by setting.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>While <see cref="Unavailable"/>: the Debian package to install (the notice's words for the administrator).</summary>
    public string? MissingPackage { get; private set; }

    public string? EngineVersion { get; private set; }

    internal void Started(string engineVersion) => (Running, Unavailable, MissingPackage, EngineVersion) =
        (true, null, null, engineVersion);

    internal void Failed(string reason, string package) => (Running, Unavailable, MissingPackage) = (false, reason, package);
}
