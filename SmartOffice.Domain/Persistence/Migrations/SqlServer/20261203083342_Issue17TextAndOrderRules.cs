using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartOffice.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue17TextAndOrderRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Sql.Issue17Sql.UpSqlServer(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
