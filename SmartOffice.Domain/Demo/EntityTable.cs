using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SmartOffice.Domain.Demo;

/// <summary>One column of an entity's table: its delimited name and the model property stored in it.</summary>
internal sealed record EntityColumn(string Name, IProperty Property);

/// <summary>
/// An entity type's table and columns as the EF model maps them, so SQL written from it never drifts from
/// what EF itself would write.
/// </summary>
internal sealed class EntityTable
{
    private EntityTable(Type clrType, string name, IReadOnlyList<EntityColumn> columns)
    {
        ClrType = clrType;
        Name = name;
        Columns = columns;
    }

    public Type ClrType { get; }
    /// <summary>The delimited (and schema-qualified) table name.</summary>
    public string Name { get; }
    public IReadOnlyList<EntityColumn> Columns { get; }

    public string InsertSql(Func<int, string> parameterName) =>
        $"INSERT INTO {Name} ({string.Join(", ", Columns.Select(c => c.Name))}) " +
        $"VALUES ({string.Join(", ", Columns.Select((_, i) => parameterName(i)))})";

    /// <exception cref="InvalidOperationException">The type is not mapped to a table, or has a shadow property a writer
    /// cannot fill.</exception>
    public static EntityTable For(DbContext db, Type clrType)
    {
        var entityType = db.Model.FindEntityType(clrType)
            ?? throw new InvalidOperationException($"{clrType.Name} is not an entity of {db.GetType().Name}.");
        var table = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{clrType.Name} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        var columns = entityType.GetProperties()
            .Select(p => p.PropertyInfo is null
                ? throw new InvalidOperationException(
                    $"{clrType.Name}.{p.Name} is a shadow property: the demo writers fill CLR properties only.")
                : new EntityColumn(
                    sql.DelimitIdentifier(p.GetColumnName(store)
                        ?? throw new InvalidOperationException($"{clrType.Name}.{p.Name} has no column.")),
                    p))
            .ToList();
        return new EntityTable(clrType, sql.DelimitIdentifier(table, entityType.GetSchema()), columns);
    }
}
