using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SmartOffice.Domain.Demo;

/// <summary>
/// Compiles, per table, one delegate that binds a row's columns to a prepared SQLite statement by position, with
/// the model's value converters (enum → name, DateTimeOffset → UTC DateTime) inlined. A compiled expression runs
/// optimised even in a Debug build and boxes nothing — binding is most of the writer's own cost. Each provider type
/// is bound as Microsoft.Data.Sqlite binds it, so the rows equal what EF writes (a test compares the two).
/// </summary>
internal static class SqliteRowBinder
{
    public static Action<sqlite3_stmt, object> Compile(EntityTable table)
    {
        var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
        var row = Expression.Parameter(typeof(object), "row");
        var entity = Expression.Variable(table.ClrType, "entity");
        var body = new List<Expression> { Expression.Assign(entity, Expression.Convert(row, table.ClrType)) };
        for (var i = 0; i < table.Columns.Count; i++)
            body.Add(BindColumn(statement, Expression.Constant(i + 1), entity, table.Columns[i]));
        return Expression.Lambda<Action<sqlite3_stmt, object>>(Expression.Block([entity], body), statement, row).Compile();
    }

    private static Expression BindColumn(ParameterExpression statement, Expression index, Expression entity, EntityColumn column)
    {
        var value = Expression.Property(entity, column.Property.PropertyInfo!);
        var converter = column.Property.GetTypeMapping().Converter;
        Expression Bind(Expression modelValue) => BindProviderValue(statement, index,
            converter is null ? modelValue : Expression.Invoke(converter.ConvertToProviderExpression, modelValue), column);
        var bindNull = Call(nameof(BindNull), statement, index);

        if (Nullable.GetUnderlyingType(value.Type) is not null)
            return Expression.Condition(Expression.Property(value, "HasValue"), Bind(Expression.Property(value, "Value")), bindNull);
        if (!value.Type.IsValueType)
            return Expression.Condition(Expression.Equal(value, Expression.Constant(null, value.Type)), bindNull, Bind(value));
        return Bind(value);
    }

    private static Expression BindProviderValue(ParameterExpression statement, Expression index, Expression value, EntityColumn column) =>
        value.Type switch
        {
            var t when t == typeof(string) => Call(nameof(BindText), statement, index, value),
            var t when t == typeof(bool) => Call(nameof(BindInteger), statement, index,
                Expression.Condition(value, Expression.Constant(1L), Expression.Constant(0L))),
            var t when t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) =>
                Call(nameof(BindInteger), statement, index, Expression.Convert(value, typeof(long))),
            var t when t == typeof(double) => Call(nameof(BindReal), statement, index, value),
            var t when t == typeof(decimal) => Call(nameof(BindDecimal), statement, index, value),
            var t when t == typeof(DateTime) => Call(nameof(BindDateTime), statement, index, value),
            var t when t == typeof(DateOnly) => Call(nameof(BindDateOnly), statement, index, value),
            var t when t == typeof(Guid) => Call(nameof(BindGuid), statement, index, value),
            var t when t == typeof(byte[]) => Call(nameof(BindBlob), statement, index, value),
            _ => throw new NotSupportedException(
                $"The demo writer cannot bind {column.Property.DeclaringType.ClrType.Name}.{column.Property.Name} ({value.Type.Name}): " +
                    $"add the type to {nameof(SqliteRowBinder)}."),
        };

    private static MethodCallExpression Call(string method, params Expression[] arguments) =>
        Expression.Call(typeof(SqliteRowBinder).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!, arguments);

    private static void BindNull(sqlite3_stmt statement, int index) => Check(statement, raw.sqlite3_bind_null(statement, index));

    private static void BindText(sqlite3_stmt statement, int index, string value) =>
        Check(statement, raw.sqlite3_bind_text(statement, index, value));

    private static void BindInteger(sqlite3_stmt statement, int index, long value) =>
        Check(statement, raw.sqlite3_bind_int64(statement, index, value));

    private static void BindBlob(sqlite3_stmt statement, int index, byte[] value) =>
        Check(statement, raw.sqlite3_bind_blob(statement, index, value));

    private static void BindReal(sqlite3_stmt statement, int index, double value) =>
        Check(statement, raw.sqlite3_bind_double(statement, index, value));

    private static void BindDecimal(sqlite3_stmt statement, int index, decimal value) =>
        BindText(statement, index, value.ToString("0.0###########################", CultureInfo.InvariantCulture));

    private static void BindDateTime(sqlite3_stmt statement, int index, DateTime value) =>
        BindText(statement, index, value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture));

    private static void BindDateOnly(sqlite3_stmt statement, int index, DateOnly value) =>
        BindText(statement, index, value.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture));

    /// <summary>As Microsoft.Data.Sqlite binds a Guid by default: upper-case text.</summary>
    private static void BindGuid(sqlite3_stmt statement, int index, Guid value) =>
        BindText(statement, index, value.ToString().ToUpperInvariant());

    public static void Check(sqlite3_stmt statement, int resultCode)
    {
        if (resultCode != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(resultCode, raw.sqlite3_db_handle(statement));
    }
}
