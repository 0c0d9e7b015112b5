using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>Reads rows in primary-key order, a page after the last key seen, and writes that key as a step's progress.</summary>
internal static class KeysetPages
{
    private static readonly System.Reflection.MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>Orders <paramref name="rows"/> by the key.</summary>
    public static IQueryable<T> OrderByKey<T>(IQueryable<T> rows, IReadOnlyList<IProperty> key)
    {
        var ordered = rows.OrderBy(Selector<T>(key[0]));
        for (var i = 1; i < key.Count; i++)
        {
            ordered = ordered.ThenBy(Selector<T>(key[i]));
        }

        return ordered;
    }

    /// <summary>Keeps the rows whose key comes after <paramref name="last"/>: (k1 &gt; v1) or (k1 = v1 and k2 &gt; v2) …</summary>
    public static IQueryable<T> After<T>(IQueryable<T> rows, IReadOnlyList<IProperty> key, object?[] last)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? after = null;
        for (var i = key.Count - 1; i >= 0; i--)
        {
            var read = SubjectFilters.Shadow(row, key[i].Name, key[i].ClrType);
            var value = Expression.Constant(last[i], key[i].ClrType);
            var greater = Greater(read, value);
            after = after is null ? greater : Expression.OrElse(greater, Expression.AndAlso(Expression.Equal(read, value), after));
        }

        return rows.Where(Expression.Lambda<Func<T, bool>>(after!, row));
    }

    /// <summary>The key of a tracked row.</summary>
    public static object?[] KeyOf(DbContext db, object row, IReadOnlyList<IProperty> key)
    {
        var entry = db.Entry(row);
        return [.. key.Select(p => entry.Property(p.Name).CurrentValue)];
    }

    /// <summary>A key as progress text (JSON).</summary>
    public static string Write(object?[] key) => JsonSerializer.Serialize(key);

    /// <summary>Progress text back to a key, or <see langword="null"/> when there is none.</summary>
    /// <exception cref="PrivacyException">The text is not a key of this entity (the model changed between runs).</exception>
    public static object?[]? Read(string? progress, IReadOnlyList<IProperty> key, string handler)
    {
        if (progress is null)
        {
            return null;
        }

        try
        {
            var values = JsonSerializer.Deserialize<JsonElement[]>(progress);
            if (values is { } v && v.Length == key.Count)
            {
                return [.. key.Select((p, i) => v[i].Deserialize(p.ClrType))];
            }
        }
        catch (JsonException)
        {
        }

        throw new PrivacyException($"Step '{handler}' recorded progress that is not a key of {string.Join(", ", key.Select(p => p.Name))}: the entity's key changed since the step started. Reset the step (retry the request after clearing it) once the model is settled.");
    }

    private static Expression Greater(Expression read, Expression value)
    {
        var type = Nullable.GetUnderlyingType(read.Type) ?? read.Type;
        if (type == typeof(string))
        {
            return Expression.GreaterThan(Expression.Call(StringCompare, read, value), Expression.Constant(0));
        }

        if (type.IsPrimitive || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeSpan))
        {
            return Expression.GreaterThan(read, value);
        }

        return Expression.GreaterThan(Expression.Call(read, read.Type.GetMethod(nameof(IComparable.CompareTo), [read.Type])!, value), Expression.Constant(0));
    }

    private static Expression<Func<T, object?>> Selector<T>(IProperty property)
    {
        var row = Expression.Parameter(typeof(T), "row");
        return Expression.Lambda<Func<T, object?>>(Expression.Convert(SubjectFilters.Shadow(row, property.Name, property.ClrType), typeof(object)), row);
    }
}
