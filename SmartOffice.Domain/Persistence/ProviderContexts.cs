using Microsoft.EntityFrameworkCore;

namespace SmartOffice.Domain.Persistence;

/// <summary>The embedded default: a SQLite file under the data folder. Migrations in Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteSmartOfficeDbContext(DbContextOptions<SqliteSmartOfficeDbContext> options) : SmartOfficeDbContext(options);

/// <summary>Production: SQL Server. Migrations in Persistence/Migrations/SqlServer.</summary>
public sealed class SqlServerSmartOfficeDbContext(DbContextOptions<SqlServerSmartOfficeDbContext> options) : SmartOfficeDbContext(options);
