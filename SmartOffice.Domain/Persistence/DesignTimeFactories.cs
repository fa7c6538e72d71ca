using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SmartOffice.Domain.Persistence;

// Used only by `dotnet ef` (migrations add / script); pass --connection to point elsewhere.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSmartOfficeDbContext>
{
    public SqliteSmartOfficeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSmartOfficeDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSmartOfficeDbContext>
{
    public SqlServerSmartOfficeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerSmartOfficeDbContext>()
            .UseSqlServer("Server=localhost;Database=SmartOffice;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
