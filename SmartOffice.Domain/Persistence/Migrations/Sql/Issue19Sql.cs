using Microsoft.EntityFrameworkCore.Migrations;

namespace SmartOffice.Domain.Persistence.Migrations.Sql;

/// <summary>
/// Issue 19's hand-written SQL (docs/warehouse-files.md): order lines saved before the issue get the product facts they
/// now keep — maker, eco flag, category, returnable — from today's catalogue, the best record there is of what they were
/// sold with. Shipments delivered before the issue get one result per line, as delivered in full on the shipment's
/// date, under one results file named <see cref="MigratedFileName"/>, so they stay returnable; instructed ones wait for
/// the warehouse's real results. Called from the Issue19 migration of each provider, one line each.
/// </summary>
public static class Issue19Sql
{
    public const string MigratedFileName = "issue19-migration";

    /// <summary>The lines of shipments delivered before the issue (the file record is written only when there are some).</summary>
    private const string SqliteDelivered =
        """FROM "OrderLines" AS l JOIN "Shipments" AS s ON s."Id" = l."ShipmentId" WHERE s."Status" = 'Delivered' AND l."DeliveredQuantity" > 0""";
    private const string SqlServerDelivered =
        "FROM [OrderLines] AS l JOIN [Shipments] AS s ON s.[Id] = l.[ShipmentId] WHERE s.[Status] = N'Delivered' AND l.[DeliveredQuantity] > 0";

    public static void UpSqlite(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
        UPDATE "OrderLines" SET
            "Maker" = p."Maker", "IsEco" = p."IsEco", "CategoryId" = p."CategoryId",
            "Returnable" = CASE WHEN p."NonReturnable" = 0 AND c."NonReturnable" = 0 THEN 1 ELSE 0 END
        FROM "Products" AS p JOIN "ProductCategories" AS c ON c."Id" = p."CategoryId"
        WHERE p."Id" = "OrderLines"."ProductId";
        """);
        migrationBuilder.Sql($"""
        INSERT INTO "WarehouseResultsFiles" ("FileName", "ContentHash", "ImportedAt", "Outcome", "RowCount")
        SELECT '{MigratedFileName}', '{MigratedFileName}', CURRENT_TIMESTAMP, 'Applied', (SELECT COUNT(*) {SqliteDelivered})
        WHERE EXISTS (SELECT 1 {SqliteDelivered});
        INSERT INTO "ShipmentResults" ("ShipmentId", "OrderLineId", "WarehouseResultsFileId", "RowNumber", "Quantity", "ShippedOn",
            "DeliverySlipNumber", "Carrier", "TrackingNumber", "DeliveryDate", "DeliveredOn", "Version")
        SELECT s."Id", l."Id", (SELECT "Id" FROM "WarehouseResultsFiles" WHERE "FileName" = '{MigratedFileName}'), 0, l."DeliveredQuantity",
            s."AcceptanceDay", COALESCE(s."DeliverySlipNumber", ''), '', '', s."DeliveryDate", s."DeliveryDate", 0
        {SqliteDelivered};
        UPDATE "OrderLines" SET "ShippedQuantity" = "DeliveredQuantity" WHERE "DeliveredQuantity" > 0;
        """);
    }

    public static void UpSqlServer(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
        UPDATE l SET
            l.[Maker] = p.[Maker], l.[IsEco] = p.[IsEco], l.[CategoryId] = p.[CategoryId],
            l.[Returnable] = CASE WHEN p.[NonReturnable] = 0 AND c.[NonReturnable] = 0 THEN 1 ELSE 0 END
        FROM [OrderLines] AS l JOIN [Products] AS p ON p.[Id] = l.[ProductId] JOIN [ProductCategories] AS c ON c.[Id] = p.[CategoryId];
        """);
        migrationBuilder.Sql($"""
        INSERT INTO [WarehouseResultsFiles] ([FileName], [ContentHash], [ImportedAt], [Outcome], [RowCount])
        SELECT N'{MigratedFileName}', N'{MigratedFileName}', SYSUTCDATETIME(), N'Applied', (SELECT COUNT(*) {SqlServerDelivered})
        WHERE EXISTS (SELECT 1 {SqlServerDelivered});
        INSERT INTO [ShipmentResults] ([ShipmentId], [OrderLineId], [WarehouseResultsFileId], [RowNumber], [Quantity], [ShippedOn],
            [DeliverySlipNumber], [Carrier], [TrackingNumber], [DeliveryDate], [DeliveredOn], [Version])
        SELECT s.[Id], l.[Id], (SELECT [Id] FROM [WarehouseResultsFiles] WHERE [FileName] = N'{MigratedFileName}'), 0, l.[DeliveredQuantity],
            s.[AcceptanceDay], COALESCE(s.[DeliverySlipNumber], N''), N'', N'', s.[DeliveryDate], s.[DeliveryDate], 0
        {SqlServerDelivered};
        UPDATE [OrderLines] SET [ShippedQuantity] = [DeliveredQuantity] WHERE [DeliveredQuantity] > 0;
        """);
    }
}
