using System.Text.Json;
using Microsoft.Extensions.Localization;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Reporting;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Console.Reporting;

/// <summary>
/// A list's export as the generic endpoint (<see cref="ListExportEndpoint"/>) serves it: its name in the address, who may ask,
/// and how a query becomes a sheet. Declare one with <see cref="ListExport{TService,TText,TQuery,TRow}"/> next to the list's page
/// and add it to <see cref="ListExports.All"/> (docs/exports-and-audit.md).
/// </summary>
public abstract class ListExport(string name, Capability capability)
{
    /// <summary>The address segment and the file name's start, e.g. <c>orders</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The page's policy; the service checks it again, with the dealer scope.</summary>
    public Capability Capability { get; } = capability;

    /// <summary>The page's filter and sort as the address carries it (JSON of the query the page last loaded).</summary>
    public abstract string Serialize(object? query);

    /// <summary>Checks the caller through the list's service, counts the rows and names the sheet and columns in the
    /// UI's language.</summary>
    internal abstract Task<ListExportRun> OpenAsync(IServiceProvider services, string? query, CancellationToken cancellationToken);
}

/// <summary>An export ready to stream: its row count, sheet name, columns and the writing itself.</summary>
internal sealed record ListExportRun(int Total, string SheetName, IReadOnlyList<ExportColumn> Columns,
    Func<IExportSheet, IProgress<int>?, CancellationToken, Task<ExportResult>> WriteAsync);

/// <summary>
/// One list's export: the list service's export method (the page's filter and sort over every page, dealer scope included), the
/// page's title key for the sheet, and its columns with the page's own header keys (<typeparamref name="TText"/>).
/// </summary>
public sealed class ListExport<TService, TText, TQuery, TRow>(string name, Capability capability, string titleKey,
    Func<TService, TQuery, CancellationToken, Task<ListRows<TRow>>> rows, Action<ListColumns<TRow>> columns) : ListExport(name, capability)
    where TService : notnull
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override string Serialize(object? query) => JsonSerializer.Serialize(query is TQuery typed ? typed : default, Json);

    internal override async Task<ListExportRun> OpenAsync(IServiceProvider services, string? query, CancellationToken cancellationToken)
    {
        var parsed = string.IsNullOrEmpty(query) ? default : JsonSerializer.Deserialize<TQuery>(query, Json);
        // A list without a filter (the job runs) takes none; every other needs the page's query.
        if (parsed is null && typeof(TQuery) != typeof(object))
            throw new JsonException("The list's query is missing.");
        var found = await rows(services.GetRequiredService<TService>(), parsed!, cancellationToken);
        var text = services.GetRequiredService<IStringLocalizer<TText>>();
        var builder = new ListColumns<TRow>(text, services.GetRequiredService<IStringLocalizerFactory>(),
            services.GetRequiredService<BusinessClock>(),
            services.GetRequiredService<Components.Shared.HistoryFormatter>(), []);
        columns(builder);
        var sheetColumns = builder.Columns.Select(c => c.Column).ToList();
        var values = builder.Columns.Select(c => c.Value).ToArray();
        return new ListExportRun(found.Total, SheetName(text[titleKey]), sheetColumns, (sheet, progress, token) =>
            ExportPipeline.WriteAsync(found.Rows, values.Length, (row, cells) =>
            {
                for (var i = 0; i < values.Length; i++)
                    cells[i] = values[i](row);
            }, sheet, progress, token));
    }

    /// <summary>Excel's sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string title)
    {
        var name = new string(title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        return name.Length <= 31 ? name : name[..31];
    }
}

/// <summary>A column of an export: its header and width as the sheet shows them, and the cell value of a row.</summary>
public sealed record ListColumn<TRow>(ExportColumn Column, Func<TRow, object?> Value);

/// <summary>
/// The columns of a list's export in the page's order and words: headers by the page's resource keys, enum values by the page's
/// word keys, instants in Japan time; numbers stay numbers and dates dates (the formats of <see cref="ExportCells"/>).
/// </summary>
public sealed class ListColumns<TRow>(IStringLocalizer text, IStringLocalizerFactory texts, BusinessClock clock,
    Components.Shared.HistoryFormatter history, List<ListColumn<TRow>> columns)
{
    private readonly List<ListColumn<TRow>> _columns = columns;

    internal IReadOnlyList<ListColumn<TRow>> Columns => _columns;

    /// <summary>The same columns with another page's texts (a header the page takes from a neighbour's resource file).</summary>
    public ListColumns<TRow> With<TOther>() => new(texts.Create(typeof(TOther)), texts, clock, history, _columns);

    /// <summary>Japan time now, for a column the page shows relative to it (an age).</summary>
    public DateTimeOffset Now => clock.Now;

    /// <summary>The page's texts (its resource file), for cells the page composes from them.</summary>
    public IStringLocalizer T => text;

    /// <summary>The one history formatter, for cells that are history (the audit page's).</summary>
    public Components.Shared.HistoryFormatter History => history;

    public ListColumns<TRow> Text(string header, Func<TRow, string?> value, double width = 18) => Add(header, CellKind.Text, width, value);

    /// <summary>An enum's value in the page's word for it (<paramref name="prefix"/> + the value's name, e.g. <c>Status.</c>).</summary>
    public ListColumns<TRow> Word<TEnum>(string header, string prefix, Func<TRow, TEnum?> value, double width = 12)
        where TEnum : struct, Enum =>
        Add(header, CellKind.Text, width, row => value(row) is { } v ? text[prefix + v] : null);

    public ListColumns<TRow> Number(string header, Func<TRow, long?> value, double width = 10) =>
        Add(header, CellKind.Number, width, row => value(row));

    public ListColumns<TRow> Yen(string header, Func<TRow, long?> value, double width = 12) =>
        Add(header, CellKind.Yen, width, row => value(row));

    public ListColumns<TRow> Date(string header, Func<TRow, DateOnly?> value, double width = 12) =>
        Add(header, CellKind.Date, width, row => value(row));

    /// <summary>An instant as the page shows it: Japan date and time.</summary>
    public ListColumns<TRow> Time(string header, Func<TRow, DateTimeOffset?> value, double width = 17) =>
        Add(header, CellKind.DateTime, width, row => value(row) is { } at ? clock.ToBusinessTime(at).DateTime : null);

    private ListColumns<TRow> Add(string header, CellKind kind, double width, Func<TRow, object?> value)
    {
        _columns.Add(new ListColumn<TRow>(new ExportColumn(text[header], kind, width), value));
        return this;
    }
}
