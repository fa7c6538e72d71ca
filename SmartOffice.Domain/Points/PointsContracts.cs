namespace SmartOffice.Domain.Points;

// What the points pages send and get back (point accounts, balance requests): one contracts file for the capability.

public sealed record PointAccountQuery(string? Text, int Skip, int Take);

/// <summary>A point account as lists show it: whose it is, its balance and what lapses at the end of this month.</summary>
public sealed record PointAccountRow(int Id, PointAccountKind Kind, int CustomerId, string CustomerCode, string CustomerName,
    int DepartmentId,
    string DepartmentName, string? WebUserId, string? WebUserName, bool OptedOut, int Balance, int ExpiringThisMonth);

public sealed record PointAccountListPage(IReadOnlyList<PointAccountRow> Rows, int Total);

/// <summary>Points lapsing at the end of one month.</summary>
public sealed record ExpiryMonth(DateOnly Month, DateOnly LastDay, int Points);

/// <summary>One account: the row, the customer's FAX number, the 12-month expiry schedule and the version for edits.</summary>
public sealed record PointAccountView(PointAccountRow Account, string? CustomerFax, DateOnly Today, IReadOnlyList<ExpiryMonth> Schedule,
    int Version);

/// <summary>A ledger entry with the numbers people know its order, return slip or prize application by (not the database ids).</summary>
public sealed record PointHistoryRow(long Id, DateOnly BusinessDate, DateTimeOffset RecordedAt, PointEntryKind Kind, int Points,
    DateOnly ValidThrough, int? OrderId, int? ReturnSlipId, int? PrizeApplicationId, string? StaffId, string? Reason,
    string? OrderNumber = null, string? SlipNumber = null, string? ApplicationNumber = null);

public sealed record PointHistoryPage(IReadOnlyList<PointHistoryRow> Rows, int Total);

/// <summary>Points of one department's accounts and of the whole customer.</summary>
public sealed record DepartmentPointTotal(int DepartmentId, string DepartmentName, int Accounts, int Balance, int ExpiringThisMonth);

public sealed record CustomerPointTotals(int CustomerId, string CustomerName, IReadOnlyList<DepartmentPointTotal> Departments, int Balance,
    int ExpiringThisMonth);

public sealed record ConsolidationRequest(int FromAccountId, int ToAccountId, int Points, int FromVersion, string? RequestedBy);

public sealed record AdjustmentRequest(int PointAccountId, int Points, string? Reason, int Version);

/// <summary>
/// A FAX balance request as the desk keys it: customer code, the department named on the form, when the FAX came in, and
/// the inbox FAX it is keyed from (closed by the save).
/// </summary>
public sealed record BalanceRequestInput(string? CustomerCode, int? DepartmentId, DateTimeOffset? FaxReceivedAt,
    int? FaxInboxItemId = null);

public sealed record BalanceRequestRow(int Id, string CustomerCode, string CustomerName, string DepartmentName,
    DateTimeOffset FaxReceivedAt,
    BalanceRequestStatus Status, DateTimeOffset? SentAt, int Version);

public sealed record BalanceRequestPage(IReadOnlyList<BalanceRequestRow> Rows, int Total);

/// <summary>
/// The reply sheet faxed back (FAX専用ポイント確認依頼用紙への回答): the customer's name and FAX number at the top, the
/// balance, what lapses at the end of this month, the next expiries, the desk's contact at the foot.
/// </summary>
public sealed record BalanceReplySheet(BalanceRequestRow Request, string? CustomerFax, DateOnly AnsweredOn, int Balance,
    int ExpiringThisMonth,
    IReadOnlyList<ExpiryMonth> NextExpiries, DeskContactOptions Contact);
