using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.FaxInbox;
using SmartOffice.Domain.FaxInbox.Recognition;
using SmartOffice.Domain.Ordering;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Points;
using SmartOffice.Domain.Prizes;
using SmartOffice.Domain.Returns;
using SmartOffice.Domain.Rules;
using SmartOffice.Domain.Staff;

namespace SmartOffice.Domain.Demo;

/// <summary>
/// The desk's morning FAXes: a handful of each kind drawn as the customer filled in smartoffice's form, from real demo
/// records so a newcomer can key them — order forms from customers the FAX number identifies with product codes in
/// stock, a 返品依頼書 naming a FAX order delivered within the return window and its lines, point confirmation
/// requests, prize applications for prizes the department's points pay for, and two "other" FAXes. They arrived over
/// the last hours (the newest order forms still unsorted); one is being keyed by 佐藤 健太, an advertisement was rejected, an
/// address change forwarded. Runs after the rest of the demo data is written, reading it back.
/// </summary>
internal sealed class FaxInboxPhase(IDbContextFactory<SmartOfficeDbContext> contexts, BusinessClock clock, Random rng)
{
    /// <summary>Minutes before now each demo FAX arrived, newest first.</summary>
    private static readonly int[] MinutesAgo = [4, 11, 23, 38, 52, 75, 96, 130, 170, 215, 290, 380, 470];

    private sealed record Sender(int CustomerId, string Code, string Name, string Fax, string FaxDigits, int DepartmentId,
        string Department);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var senders = await SendersAsync(db, cancellationToken);
        if (senders.Count < 8)
            return;
        var products = await db.Products.AsNoTracking()
            .Where(p => p.IsActive && p.DeliveryClass == DeliveryClass.Standard && p.StockOnHand > 30)
            .OrderBy(p => p.Id).Take(400).Select(p => new { p.Code, p.Name }).ToListAsync(cancellationToken);
        var staff = await db.Users.AsNoTracking().Where(u => u.UserName == DemoStaff.DeskAgent2).Select(u => new { u.Id, u.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);

        var forms = new List<(FaxKind Kind, Sender Sender, DemoFaxForm Form)>();
        var orders = new List<(Sender Sender, OrderFormWriting Writing)>();
        var next = 0;
        Sender Take() => senders[next++ % senders.Count];
        for (var i = 0; i < 4; i++)
        {
            // smartoffice's order form itself (corner marks, form ID), filled in by hand: what the FAX reader reads.
            var sender = Take();
            var lines = Enumerable.Range(0, rng.Next(2, 5)).Select(_ => rng.Pick(products)).DistinctBy(p => p.Code)
                .Select(p => new OrderFormWrittenLine(p.Code, p.Name, rng.Next(1, 11).ToString(CultureInfo.InvariantCulture),
                    rng.Chance(0.3) ? "至急" : "")).ToList();
            orders.Add((sender, new OrderFormWriting(sender.Code, sender.Name, sender.Department, Person(), sender.Fax, lines)));
        }
        foreach (var (sender, order, lines) in await ReturnsAsync(db, senders, cancellationToken))
            forms.Add((FaxKind.ReturnRequest, sender, Form("返品依頼書", sender, [("お客様番号", sender.Code), ("会社名", sender.Name),
                ("注文番号", order), ("ご担当者", Person())], ["商品コード", "商品名", "数量", "返品理由"], lines, "未開封です。引き取りをお願いします。")));
        for (var i = 0; i < 2; i++)
        {
            var sender = Take();
            forms.Add((FaxKind.BalanceRequest, sender, Form("FAX専用ポイント確認依頼用紙", sender, [("お客様番号", sender.Code), ("会社名", sender.Name),
                ("部署", sender.Department), ("ご担当者", Person()), ("FAX番号", sender.Fax)], [], [], "現在のポイント残高と今月失効するポイントを教えてください。")));
        }
        foreach (var (sender, prize) in await PrizesAsync(db, senders, cancellationToken))
            forms.Add((FaxKind.PrizeApplication, sender, Form("FAX専用賞品申込み用紙", sender, [("お客様番号", sender.Code), ("会社名", sender.Name),
                ("部署", sender.Department), ("ご担当者", Person())], ["賞品コード", "賞品名", "数量"], [new DemoFaxLine(prize.Code, prize.Name, "1")],
                    null)));
        var moved = Take();
        forms.Add((FaxKind.Other, moved, Form("住所変更のお知らせ", moved, [("お客様番号", moved.Code), ("会社名", moved.Name), ("ご担当者", Person())], [], [],
            "12月から本社を移転します。新住所は別紙のとおりです。")));
        var advert = Take() with { CustomerId = 0, Code = "", Name = "オフィス通信販売センター", Fax = "03-5555-0199", FaxDigits = "0355550199" };
        forms.Add((FaxKind.Other, advert, Form("新商品のご案内", advert, [("会社名", advert.Name)], [], [], "コピー用紙が今だけ特別価格!お電話ください。")));

        // Shuffled into arrival order; order forms among the newest three are still unsorted.
        var arrivals = orders.Select(o => (Kind: FaxKind.Order, o.Sender,
            Draw: (Func<DateTimeOffset, byte[]>)(at => DemoFaxForms.RenderOrder(o.Writing, o.Sender.Fax, at, rng))))
            .Concat(forms.Select(f => (f.Kind, f.Sender,
                Draw: (Func<DateTimeOffset, byte[]>)(at => DemoFaxForms.Render(f.Form with { SentAt = at }, rng)))))
            .OrderBy(_ => rng.Next()).ToList();
        var now = clock.Now;
        var claimed = false;
        for (var i = 0; i < arrivals.Count; i++)
        {
            var (kind, sender, draw) = arrivals[i];
            var receivedAt = now.AddMinutes(-MinutesAgo[i % MinutesAgo.Length]);
            var png = draw(receivedAt);
            var name = string.Create(CultureInfo.InvariantCulture,
                $"{clock.ToBusinessTime(receivedAt):yyyyMMddHHmmss}_{sender.FaxDigits}.png");
            var item = FaxInboxItem.Received(name, FaxFileStore.Hash(png), FaxSource.Demo, FaxPageRenderer.PngType, null, receivedAt,
                receivedAt,
                sender.FaxDigits, 1);
            item.IdentifySender(sender.CustomerId == 0 ? null : sender.CustomerId);
            if (i >= 3 || kind != FaxKind.Order)
                item.Sort(kind, "");
            // One order form, past the unsorted three, is being keyed by the second desk agent.
            var claim = kind == FaxKind.Order && i >= 3 && !claimed;
            claimed |= claim;
            Stage(item, kind, claim, staff?.Id, staff?.DisplayName, now);
            db.FaxInboxItems.Add(item);
            await db.SaveChangesAsync(cancellationToken);
            db.FaxPages.Add(new FaxPage { FaxInboxItemId = item.Id, PageNumber = 1, Width = 1240, Height = 1754, Png = png });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// One order form in progress by the second desk agent, the advertisement rejected, the address change forwarded: the
    /// past states reached through the FAX's own transitions, at past times.
    /// </summary>
    private static void Stage(FaxInboxItem item, FaxKind kind, bool claim, string? agentId, string? agentName, DateTimeOffset now)
    {
        if (agentId is null || agentName is null || item.Kind == FaxKind.Unsorted)
            return;
        if (claim)
            item.Claim(agentId, agentName, now.AddMinutes(-8));
        else if (kind == FaxKind.Other && item.CustomerId is null)
        {
            item.Claim(agentId, agentName, now.AddMinutes(-32));
            item.Reject(agentId, agentName, now.AddMinutes(-30), "営業FAX(当社宛ての用件なし)");
        }
        else if (kind == FaxKind.Other)
        {
            item.Claim(agentId, agentName, now.AddMinutes(-22));
            item.CloseOther(agentId, agentName, now.AddMinutes(-20), "住所変更: 担当販売店へ転送");
        }
    }

    private string Person() => DemoNames.Person(rng).Name;

    private static DemoFaxForm Form(string title, Sender sender, IReadOnlyList<(string, string)> fields, IReadOnlyList<string> columns,
        IReadOnlyList<DemoFaxLine> lines, string? note) =>
        new(title, sender.Fax, default, fields, columns, lines, note);

    /// <summary>Customers the FAX number identifies (no other shares it), active, with one department and no budget or locks.</summary>
    private async Task<List<Sender>> SendersAsync(SmartOfficeDbContext db, CancellationToken cancellationToken)
    {
        var shared = db.Customers.GroupBy(c => c.FaxDigits).Where(g => g.Count() > 1).Select(g => g.Key);
        var locked = db.OrderLocks.Select(l => l.CustomerId);
        var candidates = await db.Customers.AsNoTracking()
            .Where(c => c.IsActive && !c.PointsOptedOut && c.Fax != null && !shared.Contains(c.FaxDigits) && !locked.Contains(c.Id)
                        && c.Departments.Count(d => d.IsActive) == 1 && c.Departments.All(d => d.MonthlyBudget == null))
            .OrderBy(c => c.Id).Take(300)
            .Select(c => new Sender(c.Id, c.Code, c.Name, c.Fax!, c.FaxDigits!, c.Departments.First().Id, c.Departments.First().Name))
            .ToListAsync(cancellationToken);
        return candidates.OrderBy(_ => rng.Next()).ToList();
    }

    /// <summary>Two 返品依頼書: FAX orders of a sender delivered within the window, two returnable lines each.</summary>
    private async Task<List<(Sender, string, List<DemoFaxLine>)>> ReturnsAsync(SmartOfficeDbContext db, List<Sender> senders,
        CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var ids = senders.Select(s => s.CustomerId).ToList();
        var orders = await db.Orders.AsNoTracking()
            .Where(o => ids.Contains(o.CustomerId) && o.Channel == OrderChannel.Fax && o.Status == OrderStatus.Accepted
                        && o.Shipments.All(s => s.DeliveryDate != null && s.DeliveryDate < today && s.DeliveryDate > today.AddDays(-60))
                        && !db.ReturnSlips.Any(r => r.OrderId == o.Id))
            .OrderByDescending(o => o.Id).Take(2)
            .Select(o => new
            {
                o.CustomerId, o.OrderNumber,
                Lines = o.Lines.Where(l => l.Returnable).OrderBy(l => l.LineNumber).Take(2)
                    .Select(l => new { l.ProductCode, l.ProductName, l.Quantity }).ToList(),
            }).ToListAsync(cancellationToken);
        return orders.Where(o => o.Lines.Count > 0).Select(o => (senders.First(s => s.CustomerId == o.CustomerId), o.OrderNumber,
            o.Lines.Select(l => new DemoFaxLine(l.ProductCode, l.ProductName, "1", "イメージ違い")).ToList())).ToList();
    }

    /// <summary>Two prize applications: active prizes in stock that the sender's department account can pay for.</summary>
    private async Task<List<(Sender, Prize)>> PrizesAsync(SmartOfficeDbContext db, List<Sender> senders,
        CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var prizes = await db.Prizes.AsNoTracking()
            .Where(p => p.Stock > 5 && p.ActiveFrom <= today && (p.ActiveTo == null || p.ActiveTo >= today))
            .OrderBy(p => p.PointCost).ToListAsync(cancellationToken);
        var picked = new List<(Sender, Prize)>();
        foreach (var sender in senders.Skip(senders.Count / 2))
        {
            var account = await db.PointAccounts.AsNoTracking()
                .Where(a => a.DepartmentId == sender.DepartmentId && a.Kind == PointAccountKind.Department)
                .Select(a => a.Id).FirstOrDefaultAsync(cancellationToken);
            var balance = await PointLedger.LiveRemainders(db, account, today).SumAsync(cancellationToken);
            if (prizes.LastOrDefault(p => p.PointCost <= balance) is { } prize)
                picked.Add((sender, prize));
            if (picked.Count == 2)
                break;
        }
        return picked;
    }
}
