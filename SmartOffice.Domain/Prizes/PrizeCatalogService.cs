using Microsoft.EntityFrameworkCore;
using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Calendar;
using SmartOffice.Domain.Persistence;
using SmartOffice.Domain.Staff;
using SmartOffice.Domain.Text;

namespace SmartOffice.Domain.Prizes;

/// <summary>賞品カタログ: everyone who handles applications reads it; supervisors edit cost, stock, period and picture.</summary>
public sealed class PrizeCatalogService(IDbContextFactory<SmartOfficeDbContext> contexts, ICurrentStaff staff, TimeProvider time,
    BusinessClock clock)
{
    internal const string ChangedKey = "Prizes.PrizeChanged";
    /// <summary>Pictures are for a catalogue card, not a print shop.</summary>
    public const int MaxImageBytes = 512 * 1024;
    private static readonly string[] ImageTypes = ["image/png", "image/jpeg", "image/webp", "image/gif"];

    public async Task<IReadOnlyList<PrizeRow>> ListAsync(bool activeOnly, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = clock.Today;
        var prizes = db.Prizes.AsNoTracking();
        if (activeOnly)
            prizes = prizes.Where(p => p.ActiveFrom <= today && (p.ActiveTo == null || p.ActiveTo >= today));
        return await prizes.OrderBy(p => p.PointCost).ThenBy(p => p.Code)
            .Select(p => new PrizeRow(p.Id, p.Code, p.Name, p.PointCost, p.Stock, p.ActiveFrom, p.ActiveTo, p.ImageData != null,
                p.ActiveFrom <= today && (p.ActiveTo == null || p.ActiveTo >= today), p.Version))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> SaveAsync(PrizeEdit edit, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsAdjust);
        var code = JapaneseInput.NormalizeCode(edit.Code).ToUpperInvariant();
        var name = JapaneseInput.Normalize(edit.Name);
        if (code.Length == 0)
            throw new BusinessRuleException("Prizes.CodeRequired");
        if (name.Length == 0)
            throw new BusinessRuleException("Prizes.NameRequired");
        if (edit.PointCost <= 0)
            throw new BusinessRuleException("Prizes.CostPositive");
        if (edit.Stock < 0)
            throw new BusinessRuleException("Prizes.StockNegative");
        if (edit.ActiveFrom is not { } from)
            throw new BusinessRuleException("Prizes.ActiveFromRequired");
        if (edit.ActiveTo is { } to && to < from)
            throw new BusinessRuleException("Prizes.PeriodReversed");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Prizes.AnyAsync(p => p.Code == code && p.Id != edit.Id, cancellationToken))
            throw new BusinessRuleException("Prizes.CodeTaken", code);
        Prize prize;
        object? before = null;
        if (edit.Id == 0)
        {
            prize = new Prize { Code = code, Name = name };
            db.Prizes.Add(prize);
        }
        else
        {
            prize = (await db.Prizes.FindAsync([edit.Id], cancellationToken) ?? throw new BusinessRuleException("Prizes.PrizeNotFound"))
                .AsSeen(edit.Version, ChangedKey);
            before = Snapshot(prize);
        }
        prize.Code = code;
        prize.Name = name;
        prize.PointCost = edit.PointCost;
        prize.Stock = edit.Stock;
        prize.ActiveFrom = from;
        prize.ActiveTo = edit.ActiveTo;
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, before is null ? "Prizes.PrizeAdded" : "Prizes.PrizeChanged", nameof(Prize),
            prize.Code,
            before, Snapshot(prize)));
        await db.SaveChangesAsync(cancellationToken);
        return prize.Id;
    }

    /// <summary>Replaces the prize's picture (PNG, JPEG, WebP or GIF up to <see cref="MaxImageBytes"/>), kept in the database.</summary>
    public async Task SetImageAsync(int prizeId, int version, byte[] data, string contentType,
        CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsAdjust);
        if (!ImageTypes.Contains(contentType))
            throw new BusinessRuleException("Prizes.ImageType");
        if (data.Length == 0 || data.Length > MaxImageBytes)
            throw new BusinessRuleException("Prizes.ImageSize", MaxImageBytes / 1024);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var prize = (await db.Prizes.FindAsync([prizeId], cancellationToken) ?? throw new BusinessRuleException("Prizes.PrizeNotFound"))
            .AsSeen(version, ChangedKey);
        prize.ImageData = data;
        prize.ImageContentType = contentType;
        db.AuditEntries.Add(AuditTrail.Entry(staff, time, "Prizes.ImageChanged", nameof(Prize), prize.Code, null,
            new { Bytes = data.Length, ContentType = contentType }));
        await db.SaveOrRefuseAsync(ChangedKey, cancellationToken);
    }

    public async Task<PrizeImage?> ImageAsync(int prizeId, CancellationToken cancellationToken = default)
    {
        AccessPolicy.Demand(staff, Capability.PointsView);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Prizes.AsNoTracking().Where(p => p.Id == prizeId && p.ImageData != null)
            .Select(p => new PrizeImage(p.ImageData!, p.ImageContentType ?? "image/png")).FirstOrDefaultAsync(cancellationToken);
    }

    private static object Snapshot(Prize p) => new { p.Code, p.Name, p.PointCost, p.Stock, p.ActiveFrom, p.ActiveTo };
}
