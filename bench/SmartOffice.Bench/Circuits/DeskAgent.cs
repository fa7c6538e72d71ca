using System.Diagnostics;
using System.Text.Json;

namespace SmartOffice.Bench.Circuits;

/// <summary>
/// A desk agent keying a FAX order over the protocol client: signed in with their own account, the entry form open for an
/// earlier order's customer (<c>/orders/new?sameAs=</c>), 20 lines pasted from "Excel", then quantities changed one at a time.
/// </summary>
internal sealed class DeskAgent(BlazorAgent client) : IAsyncDisposable
{
    public const int Lines = 20;

    public BlazorAgent Client { get; } = client;

    public static async Task<DeskAgent> OpenAsync(CircuitsServer.Setup setup, int index, CancellationToken cancellationToken)
    {
        var client = new BlazorAgent(setup.BaseAddress);
        try
        {
            await client.SignInAsync(setup.UserNames[index], CircuitsServer.AgentPassword, cancellationToken);
            await client.OpenAsync($"orders/new?sameAs={setup.SameAsOrders[index]}",
                dom => OrderEntryMarkup.CustomerCard(dom) is not null && OrderEntryMarkup.Summary(dom) is not null,
                [OrderEntryMarkup.AttachLineGrid], cancellationToken);
            var before = client.Read(OrderEntryMarkup.SummaryText);
            var priced = client.WaitAsync(dom => OrderEntryMarkup.Quantity(dom, Lines - 1) is not null
                && OrderEntryMarkup.SummaryText(dom) != before,
                cancellationToken);
            await client.InvokeAsync(OrderEntryMarkup.AttachLineGrid, OrderEntryMarkup.PasteLines,
                JsonSerializer.Serialize(new object[] { 0, setup.PastedBlock }),
                cancellationToken);
            await priced;
            return new DeskAgent(client);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Changes one line's quantity (11 ⇄ 12, so the total always moves) and returns the milliseconds from sending the change
    /// event to applying the render batch whose summary differs from the one shown before.
    /// </summary>
    public async Task<double> ChangeQuantityAsync(int line, CancellationToken cancellationToken)
    {
        var (input, value, before) = Client.Read(dom =>
        {
            var field = OrderEntryMarkup.Quantity(dom, line) ?? throw new InvalidOperationException($"Line {line} has no quantity field.");
            return (field, field["value"] == "12" ? "11" : "12", OrderEntryMarkup.SummaryText(dom));
        });
        var start = Stopwatch.GetTimestamp();
        var shown = Client.WaitAsync(dom => OrderEntryMarkup.SummaryText(dom) != before, cancellationToken);
        await Client.ChangeAsync(input, value, cancellationToken);
        await shown;
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
