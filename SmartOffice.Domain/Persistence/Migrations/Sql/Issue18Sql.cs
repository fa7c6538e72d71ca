namespace SmartOffice.Domain.Persistence.Migrations.Sql;

/// <summary>
/// The hand-written SQL of migration Issue18SecurityFixes, one statement per provider, kept out of the generated migration
/// so that regenerating it keeps this. Runs before the unique index of one expiry entry per lot (IX_PointLedger_ExpiredOnce):
/// two expiry runs at once on SQL Server could both have written a lot's expiry, and the index cannot be created over such
/// pairs. Each lot keeps its first expiry entry; the second wrote the same points again (both runs read the lot before
/// either zeroed it), while the lot itself was zeroed once — so the ledger ends as one run left it (docs/security-fixes.md).
/// </summary>
internal static class Issue18Sql
{
    public const string SqliteRemoveSecondExpiries = """
        DELETE FROM "PointLedger" WHERE "Kind" = 'Expire'
            AND "Id" NOT IN (SELECT MIN("Id") FROM "PointLedger" WHERE "Kind" = 'Expire' GROUP BY "PointLotId");
        """;

    public const string SqlServerRemoveSecondExpiries = """
        DELETE FROM [PointLedger] WHERE [Kind] = N'Expire'
            AND [Id] NOT IN (SELECT MIN([Id]) FROM [PointLedger] WHERE [Kind] = N'Expire' GROUP BY [PointLotId]);
        """;
}
