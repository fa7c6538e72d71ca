using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SmartOffice.Console.Components.Shared;
using SmartOffice.Console.Tests.Support;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Console.Tests.Auditing;

/// <summary>
/// Every action and kind of record the domain writes to the audit trail reads in the UI's words in Japanese and English: new
/// ones without their text showed their keys (Ordering.ShippingRepriced, ShippingFeeReason: FreeAdditionalOrder) on /audit
/// and on the order's history.
/// </summary>
public sealed partial class AuditActionWordsTests
{
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging()
        .AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();

    private HistoryFormatter Formatter() => new(_services.GetRequiredService<IStringLocalizerFactory>(),
        new BusinessClock(TimeProvider.System, Options.Create(new RulesOptions())));

    [Theory]
    [InlineData("ja-JP")]
    [InlineData("en-US")]
    public void Every_action_and_record_the_domain_writes_has_its_words(string culture)
    {
        var formatter = Formatter();
        var history = _services.GetRequiredService<IStringLocalizer<HistoryText>>();
        using var _ = new CultureScope(culture);
        var (actions, records) = Recorded();
        Assert.True(actions.Count > 40 && records.Count > 10,
            $"only {actions.Count} actions and {records.Count} kinds of record found: has the audit call changed shape?");

        var unnamed = actions.Where(a => formatter.ActionName(a) == a)
            .Concat(records.Where(r => history["Entity." + r].ResourceNotFound)).ToList();
        Assert.True(unnamed.Count == 0, "no words for: " + string.Join(", ", unnamed));
    }

    [Theory]
    [InlineData("ja-JP", "送料の扱い: 追加注文(同じ日・届け先・お届け日)のため無料 → 商品合計が無料ライン未満のため有料")]
    [InlineData("en-US", "Shipping fee basis: Free: additional order (same day, ship-to and date) → Charged: goods total under the " +
        "threshold")]
    public void A_repriced_orders_history_names_the_fee_basis_and_hides_database_ids(string culture, string basis)
    {
        var formatter = Formatter();
        using var _ = new CultureScope(culture);
        var line = formatter.Format(new AuditEntry
        {
            Action = "Ordering.ShippingRepriced", EntityType = "Order", EntityId = "F2611180039799", StaffId = "desk", StaffName = "田中 美咲",
            Before = """{"ShippingFee":0,"ShippingFeeReason":"FreeAdditionalOrder","ShipToDepartmentId":2001,"Total":803}""",
            After = """{"ShippingFee":300,"ShippingFeeReason":"Charged","ShipToDepartmentId":2001,"Total":1133}""",
        });

        var changes = line.Changes.Select(c => c.ToString()).ToList();
        Assert.Contains(basis, changes);
        Assert.DoesNotContain(changes, c => c.Contains("ShipToDepartmentId") || c.Contains("2001"));
    }

    /// <summary>The action names and kinds of record (nameof) written as literals in the domain's AuditTrail.Entry and
    /// BySystem calls.</summary>
    private static (SortedSet<string> Actions, SortedSet<string> Records) Recorded(
        [System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        var domain = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "SmartOffice.Domain"));
        var actions = new SortedSet<string>(StringComparer.Ordinal);
        var records = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(domain, "*.cs", SearchOption.AllDirectories))
            foreach (Match call in AuditCall().Matches(File.ReadAllText(file)))
            {
                actions.UnionWith(ActionLiteral().Matches(call.Value).Select(m => m.Groups[1].Value));
                if (RecordKind().Match(call.Value) is { Success: true } kind)
                    records.Add(kind.Groups[1].Value);
            }
        return (actions, records);
    }

    [GeneratedRegex(@"AuditTrail\.(?:Entry|BySystem)\([^;]*")]
    private static partial Regex AuditCall();

    [GeneratedRegex(@"nameof\((\w+)\)")]
    private static partial Regex RecordKind();

    [GeneratedRegex("\"([A-Z][A-Za-z]+\\.[A-Z][A-Za-z]+)\"")]
    private static partial Regex ActionLiteral();
}
