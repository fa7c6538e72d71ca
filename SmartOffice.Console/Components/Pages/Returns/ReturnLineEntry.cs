using SmartOffice.Domain.Returns;

namespace SmartOffice.Console.Components.Pages.Returns;

/// <summary>What the desk keys for one order line of a 返品依頼書, as typed until the slip is saved.</summary>
public sealed class ReturnLineEntry
{
    /// <summary>As typed (全角 digits too); read through JapaneseInput.Digits on save.</summary>
    public string? Quantity { get; set; }
    public ReturnReason Reason { get; set; } = ReturnReason.ImageDiffers;

    /// <summary>
    /// 未開封: starts unset, so only a box the agent ticked from the form says "unopened" (docs/desk-walkthrough.md);
    /// a forgotten tick is refused by the opened-item rule, never passed by it.
    /// </summary>
    public bool Unopened { get; set; }
    public string? Note { get; set; }
}
