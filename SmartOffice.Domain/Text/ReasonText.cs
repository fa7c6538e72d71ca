namespace SmartOffice.Domain.Text;

/// <summary>
/// A reason typed for a void, a rejection, a cancellation or an adjustment (理由): required, one line, at most
/// <see cref="MaxLength"/> characters — it is shown in histories and audit entries and stored in 200-character columns,
/// so it is refused rather than cut.
/// </summary>
public static class ReasonText
{
    public const int MaxLength = 200;

    /// <summary>
    /// The trimmed reason, or a refusal: <paramref name="requiredKey"/> when blank, else not one line or too long (a
    /// capability whose form names the field its own way passes its own keys).
    /// </summary>
    public static string Require(string? input, string requiredKey, string controlCharactersKey = "Text.ReasonControlCharacters",
        string tooLongKey = "Text.ReasonTooLong")
    {
        var text = (input ?? "").Trim();
        if (text.Length == 0)
            throw new BusinessRuleException(requiredKey);
        if (JapaneseInput.HasControlCharacters(text))
            throw new BusinessRuleException(controlCharactersKey);
        if (text.Length > MaxLength)
            throw new BusinessRuleException(tooLongKey, MaxLength);
        return text;
    }
}
