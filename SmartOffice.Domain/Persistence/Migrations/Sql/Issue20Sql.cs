using Microsoft.EntityFrameworkCore.Migrations;

namespace SmartOffice.Domain.Persistence.Migrations.Sql;

/// <summary>
/// Issue 20's hand-written SQL (docs/back-orders.md): every line gets its back-order state and every warehouse file its kind;
/// lines flagged short of stock (ShortOfStock) on a shipment not yet instructed, of an order not voided, become back orders —
/// moved to a back-order shipment of their order per delivery class, which no cutoff batch takes, and a shipment left with no
/// line goes. They keep the amount they were billed at acceptance under the old rule, so serving them bills nothing more.
/// Short lines already instructed are the warehouse's: its results decide. Called from the Issue20 migration of each provider.
/// </summary>
public static class Issue20Sql
{
    public static void UpSqlite(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Script('"', '"'));

    public static void UpSqlServer(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Script('[', ']'));

    /// <summary>The same statements for both providers, identifiers quoted their way.</summary>
    private static string Script(char open, char close)
    {
        string Q(string name) => $"{open}{name}{close}";
        var waiting = $"""
            {Q("ShortOfStock")} = 1
            AND EXISTS (SELECT 1 FROM {Q("Shipments")} AS s WHERE s.{Q("Id")} = {Q("OrderLines")}.{Q("ShipmentId")} AND s.{Q("Status")} = 'Open')
            AND EXISTS (SELECT 1 FROM {Q("Orders")} AS o WHERE o.{Q("Id")} = {Q("OrderLines")}.{Q("OrderId")} AND o.{Q("Status")} <> 'Voided')
            """;
        return $"""
            UPDATE {Q("OrderLines")} SET {Q("BackOrder")} = 'None' WHERE {Q("BackOrder")} = '';
            UPDATE {Q("WarehouseResultsFiles")} SET {Q("Kind")} = 'Results' WHERE {Q("Kind")} = '';
            INSERT INTO {Q("Shipments")} ({Q("OrderId")}, {Q("DeliveryClass")}, {Q("AcceptanceDay")}, {Q("Status")}, {Q("Version")})
            SELECT DISTINCT {Q("OrderLines")}.{Q("OrderId")}, {Q("OrderLines")}.{Q("DeliveryClass")}, o.{Q("AcceptanceDay")}, 'BackOrdered', 0
            FROM {Q("OrderLines")} JOIN {Q("Orders")} AS o ON o.{Q("Id")} = {Q("OrderLines")}.{Q("OrderId")}
            WHERE {waiting};
            UPDATE {Q("OrderLines")} SET {Q("BackOrder")} = 'Waiting',
                {Q("ShipmentId")} = (SELECT h.{Q("Id")} FROM {Q("Shipments")} AS h WHERE h.{Q("OrderId")} = {Q("OrderLines")}.{Q("OrderId")}
                    AND h.{Q("DeliveryClass")} = {Q("OrderLines")}.{Q("DeliveryClass")} AND h.{Q("Status")} = 'BackOrdered')
            WHERE {waiting};
            DELETE FROM {Q("Shipments")} WHERE {Q("Status")} = 'Open'
                AND NOT EXISTS (SELECT 1 FROM {Q("OrderLines")} AS l WHERE l.{Q("ShipmentId")} = {Q("Shipments")}.{Q("Id")});
            """;
    }
}
