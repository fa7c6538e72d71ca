using Microsoft.EntityFrameworkCore.Migrations;

namespace SmartOffice.Domain.Persistence.Migrations.Sql;

/// <summary>
/// Issue 20's follow-up (docs/stock-out-and-special-orders.md): orders with a line short of stock saved before the stock-out
/// notice was recorded count as sent — at the time they were keyed, by nobody recorded — so the dashboard does not start with
/// a backlog the desk already faxed. Called from the Issue20StockOutFollowUp migration of each provider.
/// </summary>
public static class Issue20FollowUpSql
{
    public static void UpSqlite(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Script('"', '"'));

    public static void UpSqlServer(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Script('[', ']'));

    private static string Script(char open, char close)
    {
        string Q(string name) => $"{open}{name}{close}";
        return $"""
            UPDATE {Q("Orders")} SET {Q("StockOutNoticeSentAt")} = COALESCE({Q("KeyedAt")}, {Q("ReceivedAt")})
            WHERE {Q("StockOutNoticeSentAt")} IS NULL
              AND EXISTS (SELECT 1 FROM {Q("OrderLines")} AS l WHERE l.{Q("OrderId")} = {Q("Orders")}.{Q("Id")} AND l.{Q("ShortOfStock")} = 1);
            """;
    }
}
