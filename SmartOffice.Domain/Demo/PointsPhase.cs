using System.Runtime.InteropServices;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Demo;

/// <summary>
/// Plays the point ledger forward in time — prize exchanges spending oldest-expiry first, cancellations restoring
/// the same lots, returns taking points back, lots expiring — then writes lots, ledger, applications and
/// FAX balance requests. Every lot's Remaining equals the sum of its ledger entries and never goes below zero.
/// </summary>
internal sealed class PointsPhase(DemoContext context, DemoAccounts accounts, DemoCatalog catalog, OrderHistory history, DemoStaffIds staff)
{
    private const int BatchSize = 20_000;
    private const int DaysUntilDone = 7;
    private static readonly string[] DemoCarriers = ["ヤマト運輸", "佐川急便", "日本郵便"];

    private readonly Random _rng = context.RandomFor(DemoPhase.Points);
    private readonly List<PointLedgerEntry> _entries = [];
    private readonly List<PrizeApplication> _applications = [];
    private readonly Dictionary<int, int[]> _lotsByAccount = [];
    private readonly Dictionary<int, int> _firstUnexpired = [];
    private readonly PriorityQueue<PointEvent, (DateTimeOffset At, int Sequence)> _events = new();
    private int _sequence;

    private abstract record PointEvent(DateTimeOffset At);
    private sealed record Exchange(DateTimeOffset At, int AccountId) : PointEvent(At);
    private sealed record Cancellation(DateTimeOffset At, PrizeApplication Application, List<(int LotIndex, int Points)> Taken)
        : PointEvent(At);
    private sealed record Reversal(PointReversal Request) : PointEvent(Request.At);

    public async Task RunAsync(IReadOnlyList<PointReversal> reversals, CancellationToken cancellationToken)
    {
        IndexLotsByAccount();
        PlanExchanges();
        foreach (var reversal in reversals)
            Enqueue(new Reversal(reversal));
        while (_events.TryDequeue(out var next, out _))
        {
            switch (next)
            {
                case Exchange exchange: ApplyExchange(exchange); break;
                case Cancellation cancellation: ApplyCancellation(cancellation); break;
                case Reversal reversal: ApplyReversal(reversal.Request); break;
            }
        }
        if (context.Profile.ExpireOverdueLots)
            ExpireOverdueLots();

        await context.Writer.InsertAsync(_applications, cancellationToken);
        await WriteLotsAndLedgerAsync(cancellationToken);
        await context.Writer.InsertAsync(BalanceRequests(), cancellationToken);
    }

    /// <summary>Each account's lots in spending order: earliest valid-through first, then oldest.</summary>
    private void IndexLotsByAccount()
    {
        var lots = history.Lots;
        foreach (var group in Enumerable.Range(0, lots.Count).GroupBy(i => lots[i].AccountId))
            _lotsByAccount[group.Key] = group.OrderBy(i => lots[i].ValidThrough).ThenBy(i => i).ToArray();
    }

    /// <summary>
    /// Exchanges by accounts that have earned (picked through a random earlier lot, so busy accounts exchange more),
    /// some weeks after that lot; opted-out customers no longer exchange.
    /// </summary>
    private void PlanExchanges()
    {
        if (history.LotsBeforeToday == 0)
            return;
        for (var i = 0; i < context.Profile.PrizeApplications; i++)
        {
            var lot = history.Lots[_rng.Next(history.LotsBeforeToday)];
            var at = lot.RecordedAt.AddMinutes(_rng.Next(60 * 24 * 90));
            var customer = accounts.Account(lot.AccountId).Department.Customer;
            if (at < context.Now.AddHours(-1) && customer.EarnsPointsOn(DateOf(at)))
                Enqueue(new Exchange(at, lot.AccountId));
        }
    }

    private void ApplyExchange(Exchange exchange)
    {
        var day = DateOf(exchange.At);
        var balance = Available(exchange.AccountId, exchange.At);
        var affordable = catalog.Prizes
            .Where(p => p.PointCost <= balance && p.ActiveFrom <= day && (p.ActiveTo is null || day <= p.ActiveTo))
            .ToList();
        if (affordable.Count == 0)
            return;

        var prize = _rng.Pick(affordable);
        var account = accounts.Account(exchange.AccountId).Entity;
        // Department accounts belong to FAX customers, who exchange with the FAX prize application form.
        var application = PrizeApplication.Keyed(_applications.Count + 1, $"PA{day:yyMMdd}{_applications.Count + 1:D5}", account.Id,
            prize.Id, 1, prize.PointCost, account.Kind == PointAccountKind.Department ? OrderChannel.Fax : OrderChannel.Web, exchange.At);
        _applications.Add(application);
        var taken = Take(exchange.AccountId, null, prize.PointCost, exchange.At, PointEntryKind.Spend,
            e => e.PrizeApplicationId = application.Id);

        // The backlog is the last few days; older applications shipped, or a few were cancelled.
        var cancelAt = exchange.At.AddMinutes(_rng.Between(60, 60 * 48));
        var shippedAt = exchange.At.AddDays(_rng.Between(2, 5));
        if (_rng.Chance(0.07) && cancelAt <= context.Now)
            Enqueue(new Cancellation(cancelAt, application, taken));
        else if (shippedAt <= context.Now)
        {
            // Arranged the next hour, shipped with a tracking number derived from the number (no extra random draws,
            // so the rest of the demo stays as it was); done once the customer has surely received it.
            application.Arrange(exchange.At.AddHours(1));
            application.Ship(shippedAt, DemoCarriers[application.Id % DemoCarriers.Length],
                (400_000_000_000L + application.Id * 7_919L).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (shippedAt.AddDays(DaysUntilDone) <= context.Now)
                application.Complete(shippedAt.AddDays(DaysUntilDone));
        }
    }

    /// <summary>A cancelled application gives its lots back — except lots that expired meanwhile, which stay expired.</summary>
    private void ApplyCancellation(Cancellation cancellation)
    {
        var application = cancellation.Application;
        application.Cancel(cancellation.At, _rng.Chance(0.5) ? "お客様のご都合によるキャンセル" : "賞品の在庫切れによるキャンセル");
        var lots = CollectionsMarshal.AsSpan(history.Lots);
        foreach (var (index, points) in cancellation.Taken)
        {
            ref var lot = ref lots[index];
            if (lot.ValidThrough < DateOf(cancellation.At))
                continue;
            lot.Remaining += points;
            var entry = Entry(lot, PointEntryKind.Restore, points, cancellation.At);
            entry.PrizeApplicationId = application.Id;
        }
    }

    /// <summary>Takes a return's points from its order's lot first, then oldest-expiry first; what is missing is the shortfall.</summary>
    private void ApplyReversal(PointReversal request)
    {
        var taken = Take(request.AccountId, request.LotId - 1, request.Points, request.At, PointEntryKind.Reversal, e =>
        {
            e.ReturnSlipId = request.Slip.Id;
            e.OrderId = request.Slip.OrderId;
        });
        // As the credit records it: what was taken back, and the shortfall (docs/architecture.md "Returns, points and prizes").
        request.Slip.PastPointsFellShort(request.Points - taken.Sum(t => t.Points));
    }

    /// <summary>Lots past their valid-through date lose what remains, the day after, as the monthly expiry job does.</summary>
    private void ExpireOverdueLots()
    {
        var lots = CollectionsMarshal.AsSpan(history.Lots);
        for (var i = 0; i < lots.Length; i++)
        {
            ref var lot = ref lots[i];
            if (lot.ValidThrough >= context.Today || lot.Remaining == 0)
                continue;
            var at = context.At(lot.ValidThrough.AddDays(1), TimeSpan.FromMinutes(5));
            Entry(lot, PointEntryKind.Expire, -lot.Remaining, at < context.Now ? at : context.Now);
            lot.Remaining = 0;
        }
    }

    /// <summary>Points usable at an instant: lots already earned and still valid that day.</summary>
    private int Available(int accountId, DateTimeOffset at)
    {
        var lots = history.Lots;
        var available = 0;
        foreach (var index in UnexpiredLots(accountId, DateOf(at)))
        {
            if (lots[index].RecordedAt <= at)
                available += lots[index].Remaining;
        }
        return available;
    }

    /// <summary>
    /// Takes up to <paramref name="points"/> from <paramref name="firstLot"/> (when given), then from the account's
    /// lots oldest-expiry first, each with a ledger entry; returns what each lot gave.
    /// </summary>
    private List<(int LotIndex, int Points)> Take(int accountId, int? firstLot, int points, DateTimeOffset at, PointEntryKind kind,
                                                  Action<PointLedgerEntry> describe)
    {
        var day = DateOf(at);
        var order = firstLot is { } first
            ? UnexpiredLots(accountId, day).Where(i => i != first).Prepend(first)
            : UnexpiredLots(accountId, day);
        var taken = new List<(int, int)>();
        var lots = history.Lots;
        foreach (var index in order)
        {
            if (points == 0)
                break;
            var lot = lots[index];
            if (lot.Remaining == 0 || lot.RecordedAt > at || lot.ValidThrough < day)
                continue;
            var take = Math.Min(points, lot.Remaining);
            lot.Remaining -= take;
            lots[index] = lot;
            points -= take;
            describe(Entry(lot, kind, -take, at));
            taken.Add((index, take));
        }
        return taken;
    }

    /// <summary>
    /// The account's lots still valid on <paramref name="day"/>; events come in time order, so expired ones are skipped for
    /// good.
    /// </summary>
    private IEnumerable<int> UnexpiredLots(int accountId, DateOnly day)
    {
        if (!_lotsByAccount.TryGetValue(accountId, out var indexes))
            yield break;
        var first = _firstUnexpired.GetValueOrDefault(accountId);
        while (first < indexes.Length && history.Lots[indexes[first]].ValidThrough < day)
            first++;
        _firstUnexpired[accountId] = first;
        for (var i = first; i < indexes.Length; i++)
            yield return indexes[i];
    }

    private PointLedgerEntry Entry(in LotState lot, PointEntryKind kind, int points, DateTimeOffset at)
    {
        var entry = new PointLedgerEntry
        {
            PointAccountId = lot.AccountId,
            PointLotId = lot.Id,
            Kind = kind,
            Points = points,
            BusinessDate = DateOf(at),
            RecordedAt = at,
        };
        _entries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Lots in id order with their Earn entries (ledger ids 1…n match lot ids); then every later movement in time order.
    /// </summary>
    private async Task WriteLotsAndLedgerAsync(CancellationToken cancellationToken)
    {
        var lots = history.Lots;
        for (var start = 0; start < lots.Count; start += BatchSize)
        {
            var batch = lots.Skip(start).Take(BatchSize).ToList();
            await context.Writer.InsertAsync(batch.Select(l => new PointLot
            {
                Id = l.Id, PointAccountId = l.AccountId, Points = l.Points, Remaining = l.Remaining,
                EarnedOn = l.EarnedOn, ValidThrough = l.ValidThrough, OrderId = l.OrderId,
            }).ToList(), cancellationToken);
        }
        for (var start = 0; start < lots.Count; start += BatchSize)
        {
            var batch = lots.Skip(start).Take(BatchSize).ToList();
            await context.Writer.InsertAsync(batch.Select(l => new PointLedgerEntry
            {
                Id = l.Id, PointAccountId = l.AccountId, PointLotId = l.Id, Kind = PointEntryKind.Earn, Points = l.Points,
                BusinessDate = l.EarnedOn, RecordedAt = l.RecordedAt, OrderId = l.OrderId,
            }).ToList(), cancellationToken);
        }
        var movements = _entries.OrderBy(e => e.RecordedAt).ToList();
        for (var i = 0; i < movements.Count; i++)
            movements[i].Id = lots.Count + i + 1;
        foreach (var batch in movements.Chunk(BatchSize))
            await context.Writer.InsertAsync(batch, cancellationToken);
    }

    /// <summary>FAX balance requests of the last two weeks from FAX customers' department accounts; recent ones still open.</summary>
    private List<BalanceRequest> BalanceRequests()
    {
        var requests = new List<BalanceRequest>();
        if (history.LotsBeforeToday == 0)
            return requests;
        for (var attempt = 0; requests.Count < context.Profile.BalanceRequests && attempt < context.Profile.BalanceRequests * 20; attempt++)
        {
            var account = accounts.Account(history.Lots[_rng.Next(history.LotsBeforeToday)].AccountId);
            var day = context.Today.AddDays(-_rng.Next(14));
            var receivedAt = context.At(day, TimeSpan.FromMinutes(_rng.Between(8 * 60, 18 * 60)));
            if (account.Entity.Kind != PointAccountKind.Department || !context.Delivery.IsAcceptanceDay(day) || receivedAt > context.Now)
                continue;
            var sentAt = receivedAt.AddMinutes(_rng.Between(20, 24 * 60));
            var sent = sentAt <= context.Now && !_rng.Chance(0.15);
            var request = BalanceRequest.Register(account.Department.Customer.Entity.Id, account.Department.Entity.Id, account.Entity.Id,
                receivedAt, id: requests.Count + 1);
            if (sent)
                request.MarkSent(sentAt, _rng.Pick(staff.DeskAgents));
            requests.Add(request);
        }
        return requests;
    }

    private void Enqueue(PointEvent pointEvent) => _events.Enqueue(pointEvent, (pointEvent.At, ++_sequence));

    private DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(context.Clock.ToBusinessTime(instant).DateTime);
}
