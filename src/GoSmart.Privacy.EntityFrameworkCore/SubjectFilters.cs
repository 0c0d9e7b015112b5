using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>One way to find a subject's rows: a member chain on the entity whose value is the subject id, maybe through one owned collection.</summary>
/// <param name="Collection">The chain to an owned collection of parts (<c>Reactions</c>), or empty when the id is on the row's own chain.</param>
/// <param name="Chain">The chain to the subject id, from the entity or from a part of the collection.</param>
/// <param name="Shadow">The name of a shadow foreign-key property holding the id, instead of <paramref name="Chain"/>.</param>
/// <param name="IdType">The id's type.</param>
/// <param name="IsOwnRow">Whether a match makes the row the subject's own (rather than another person's row holding their part).</param>
internal sealed record SubjectLookup(IReadOnlyList<string> Collection, IReadOnlyList<string> Chain, string? Shadow, Type IdType, bool IsOwnRow);

/// <summary>Builds the predicates that find a subject's rows and a tenant's rows.</summary>
internal static class SubjectFilters
{
    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;
    private static readonly MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo ContainsMethod = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo AnyMethod = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 2);

    /// <summary>The predicate "any lookup matches <paramref name="subjectId"/>", or <see langword="null"/> when the id cannot be of any lookup's type.</summary>
    public static Expression<Func<T, bool>>? Subject<T>(IReadOnlyList<SubjectLookup> lookups, string subjectId, bool ownRowsOnly)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? any = null;
        foreach (var lookup in lookups.Where(l => l.IsOwnRow || !ownRowsOnly))
        {
            if (!TextValues.TryParse(subjectId, lookup.IdType, out var id))
            {
                continue;
            }

            var match = lookup.Collection.Count == 0 ? Equal(Read(row, lookup), id, lookup.IdType) : PartMatch(row, lookup, id);
            any = any is null ? match : Expression.OrElse(any, match);
        }

        return any is null ? null : Expression.Lambda<Func<T, bool>>(any, row);
    }

    /// <summary>
    /// The predicate "some free-text column, lower-cased, contains some term" (terms are lower-case), or
    /// <see langword="null"/> when there is no column: the rows whose text may mention the subject, for the plan's
    /// rewriter to confirm. SQLite and PostgreSQL translate it to <c>lower(column)</c> and <c>instr</c>/<c>strpos</c>.
    /// </summary>
    public static Expression<Func<T, bool>>? Mentioning<T>(IReadOnlyList<Microsoft.EntityFrameworkCore.Metadata.IProperty> columns, IReadOnlyList<string> terms)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? any = null;
        foreach (var column in columns)
        {
            var text = Shadow(row, column.Name, typeof(string));
            var lower = Expression.Call(text, ToLowerMethod);
            foreach (var term in terms.Where(t => t.Length > 0))
            {
                var match = Expression.AndAlso(Expression.NotEqual(text, Expression.Constant(null, typeof(string))), Expression.Call(lower, ContainsMethod, Expression.Constant(term.ToLowerInvariant())));
                any = any is null ? match : Expression.OrElse(any, match);
            }
        }

        return any is null ? null : Expression.Lambda<Func<T, bool>>(any, row);
    }

    /// <summary>The predicate "<paramref name="first"/> or <paramref name="second"/>".</summary>
    public static Expression<Func<T, bool>> Either<T>(Expression<Func<T, bool>> first, Expression<Func<T, bool>> second)
    {
        var row = first.Parameters[0];
        var body = new ParameterSwap(second.Parameters[0], row).Visit(second.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(first.Body, body), row);
    }

    /// <summary>The predicate "<c>EF.Property(row, property) == value</c>".</summary>
    public static Expression<Func<T, bool>> PropertyEquals<T>(string property, Type type, object? value)
    {
        var row = Expression.Parameter(typeof(T), "row");
        return Expression.Lambda<Func<T, bool>>(Equal(Shadow(row, property, type), value, type), row);
    }

    /// <summary>The predicate "<c>EF.Property(row, property) != null</c>".</summary>
    public static Expression<Func<T, bool>> HasValue<T>(string property, Type type)
    {
        var row = Expression.Parameter(typeof(T), "row");
        return Expression.Lambda<Func<T, bool>>(Expression.NotEqual(Shadow(row, property, type), Expression.Constant(null, type)), row);
    }

    /// <summary>Reads a property by name as EF Core does, CLR or shadow.</summary>
    public static Expression Shadow(Expression row, string property, Type type) =>
        Expression.Call(PropertyMethod.MakeGenericMethod(type), row, Expression.Constant(property));

    private static Expression Read(Expression row, SubjectLookup lookup) =>
        lookup.Shadow is { } shadow ? Shadow(row, shadow, lookup.IdType) : Chain(row, lookup.Chain);

    private static Expression PartMatch(ParameterExpression row, SubjectLookup lookup, object? id)
    {
        var collection = Chain(row, lookup.Collection);
        var element = ElementType(collection.Type);
        var part = Expression.Parameter(element, "part");
        var predicate = Expression.Lambda(Equal(Chain(part, lookup.Chain), id, lookup.IdType), part);
        return Expression.AndAlso(Expression.NotEqual(collection, Expression.Constant(null, collection.Type)),
            Expression.Call(AnyMethod.MakeGenericMethod(element), collection, predicate));
    }

    private static Expression Chain(Expression start, IEnumerable<string> members) =>
        members.Aggregate(start, Expression.PropertyOrField);

    private static Expression Equal(Expression read, object? value, Type type) =>
        Expression.Equal(read.Type == type ? read : Expression.Convert(read, type), Expression.Constant(value, type));

    private static Type ElementType(Type collection) =>
        collection.IsArray ? collection.GetElementType()! :
        collection.GetInterfaces().Append(collection).First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];
}

/// <summary>Replaces one lambda parameter with another, to join two predicates over one row.</summary>
internal sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
}
