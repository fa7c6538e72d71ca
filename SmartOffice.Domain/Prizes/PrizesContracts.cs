using SmartOffice.Domain.Auditing;
using SmartOffice.Domain.Rules;

namespace SmartOffice.Domain.Prizes;

// What the prize pages send and get back (catalogue, applications): one contracts file for the capability.

public sealed record PrizeRow(int Id, string Code, string Name, int PointCost, int Stock, DateOnly ActiveFrom, DateOnly? ActiveTo,
    bool HasImage,
    bool IsActiveToday, int Version);

/// <summary>A new prize (<see cref="Id"/> 0) or a change to one the supervisor saw at <see cref="Version"/>.</summary>
public sealed record PrizeEdit(int Id, int Version, string? Code, string? Name, int PointCost, int Stock, DateOnly? ActiveFrom,
    DateOnly? ActiveTo);

public sealed record PrizeImage(byte[] Data, string ContentType);

/// <summary>
/// An application keyed by the desk (FAX form, with when it came in, and the inbox FAX it is keyed from — closed by the
/// save) or arriving from the web.
/// </summary>
public sealed record PrizeApplicationInput(int PointAccountId, int PrizeId, int Quantity, OrderChannel Channel, DateTimeOffset? ReceivedAt,
    int? FaxInboxItemId = null);

public sealed record PrizeApplicationQuery(PrizeApplicationStatus? Status, int Skip, int Take);

public sealed record PrizeApplicationRow(int Id, string ApplicationNumber, PrizeApplicationStatus Status, OrderChannel Channel,
    DateTimeOffset ReceivedAt, string PrizeCode, string PrizeName, int Quantity, int Points, int PointAccountId, string CustomerCode,
    string CustomerName, string DepartmentName, string? WebUserId, string? Carrier, string? TrackingNumber, DateTimeOffset? ShippedAt,
        int Version);

public sealed record PrizeApplicationListPage(IReadOnlyList<PrizeApplicationRow> Rows, int Total);

public sealed record PrizeApplicationDetail(PrizeApplicationRow Application, DateTimeOffset? ArrangedAt, DateTimeOffset? CompletedAt,
    DateTimeOffset? CancelledAt, string? CancelReason, IReadOnlyList<AuditEntry> History);
