using Microsoft.Extensions.Localization;
using MudBlazor;

namespace SmartOffice.Console.Components.Pages.Ordering;

/// <summary>
/// What a save, correction or void did beyond the order itself, said once in the snackbar (docs/text-and-order-rules.md):
/// the other orders of its additional-order group whose shipping changed, and the points it could not take back.
/// </summary>
public static class OrderChangeNotice
{
    public static void Show(ISnackbar snackbar, IStringLocalizer<OrderingText> text, IReadOnlyList<string> repriced, int pointsShortfall)
    {
        if (repriced.Count > 0)
            snackbar.Add(string.Format(text["Notice.Repriced"], string.Join(text["Notice.Separator"], repriced)), Severity.Info);
        if (pointsShortfall > 0)
            snackbar.Add(string.Format(text["Notice.PointsShortfall"], pointsShortfall), Severity.Warning);
    }
}
