using SmartOffice.Domain;
using SmartOffice.Domain.Ordering;

namespace SmartOffice.Console.Components.Pages.Ordering;

/// <summary>
/// Where order entry shows what refuses a save: next to the field at fault, in the sticky summary at the top of the form
/// after Ctrl+Enter, with the focus moved to the first field at fault (docs/desk-walkthrough.md).
/// </summary>
public partial class OrderEntry
{
    /// <summary>Set by a refused save: the top summary then lists every live refusal until the next save.</summary>
    private bool _refused;

    /// <summary>What keeps the form from being quoted at all, named for the agent (the rest is the domain's problem list).</summary>
    private string? HeaderProblem => _form.HeaderProblemKey(Clock) is { } key ? T[key].Value : null;

    /// <summary>The header problem when it is this field's (its text key), else null.</summary>
    private string? FieldProblem(string key) => _form.HeaderProblemKey(Clock) == key ? T[key].Value : null;

    /// <summary>No department yet, or the department's hard monthly budget (月予算) that this order would pass.</summary>
    private string? DepartmentProblem => FieldProblem("Entry.NeedDepartment")
        ?? (_quote?.Budget is { Status: BudgetStatus.OverHard } budget
            ? string.Format(T["Entry.HardBudget"], Display.Money(budget.AfterThisOrder), Display.Money(budget.MonthlyBudget ?? 0))
            : null);

    /// <summary>Not a date, or a date the order cannot be delivered on (a Sunday, too early).</summary>
    private string? RequestedProblem => FieldProblem("Entry.BadRequestedDate") ?? _quote?.RequestedDateProblem;

    /// <summary>Load errors always; after a refused save, every refusal in the form's order (each once).</summary>
    private IEnumerable<string?> Refusals => _refused
        ? [_form.Customer is null ? _saveError : null, HeaderProblem, DepartmentProblem, RequestedProblem, .. _quote?.Problems ?? [],
            _saveError]
        : [_saveError];

    private void Refuse(string message)
    {
        (_saveError, _refused) = (message, true);
        _focusAfterRender = FirstFieldAtFault() ?? _focusAfterRender;
    }

    private async Task RefuseAsync(string message, FaxOrderDraft draft)
    {
        try
        {
            var quote = await FaxOrders.QuoteAsync(draft);
            (_quote, _quoted) = (quote, quote.Lines.ToDictionary(l => l.LineNumber));
        }
        catch (BusinessRuleException)
        {
            // The refusal itself is what the agent needs; the summary keeps the last quote.
        }
        Refuse(message);
    }

    private string? FirstFieldAtFault() =>
        _form.Customer is null ? "#customer-search"
        : DepartmentProblem is not null ? "#department"
        : FieldProblem("Entry.BadReceivedAt") is not null ? "#received-date"
        : RequestedProblem is not null ? "#requested-date"
        : _quote?.Lines.FirstOrDefault(l => l.Problem is not null) is { } line ? OrderLineGrid.FieldSelector(line.LineNumber - 1, "code")
        : null;
}
