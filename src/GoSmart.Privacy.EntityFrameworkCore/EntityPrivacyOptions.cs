using System.Linq.Expressions;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>What a host says about one entity type of a <c>DbContext</c>, where the model and the tags alone do not settle it.</summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
public sealed class EntityPrivacyOptions<TEntity> : IEntityOptions
    where TEntity : class
{
    internal EntityPrivacyOptions()
    {
    }

    /// <inheritdoc />
    LambdaExpression? IEntityOptions.Owner => Owner;

    /// <inheritdoc />
    EntityErasureMode IEntityOptions.Erasure => Erasure;

    private LambdaExpression? Owner { get; set; }

    private EntityErasureMode Erasure { get; set; }

    /// <summary>
    /// Says whose rows these are when the entity has no <c>[DataSubjectId]</c> of its own: the subject of the entity at the
    /// end of <paramref name="navigation"/> — a reference navigation, or a chain of them (<c>l =&gt; l.Order.Customer</c>).
    /// Inferred when the entity has exactly one required foreign key to an entity with a subject id.
    /// </summary>
    /// <param name="navigation">The navigation to the owning entity.</param>
    /// <returns>These options.</returns>
    /// <exception cref="PrivacyException">The expression is not a chain of member accesses on the entity.</exception>
    public EntityPrivacyOptions<TEntity> BelongsTo(Expression<Func<TEntity, object?>> navigation)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        var body = navigation.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : navigation.Body;
        for (var e = body; e != navigation.Parameters[0]; e = ((MemberExpression)e).Expression!)
        {
            if (e is not MemberExpression { Expression: not null })
            {
                throw new PrivacyException($"BelongsTo on {typeof(TEntity).Name} takes a chain of navigations, e.g. m => m.Author or l => l.Order.Customer; '{navigation}' is not one.");
            }
        }

        Owner = Expression.Lambda(body, navigation.Parameters);
        return this;
    }

    /// <summary>Chooses how the subject's rows are erased (default <see cref="EntityErasureMode.Anonymise"/>).</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>These options.</returns>
    public EntityPrivacyOptions<TEntity> EraseBy(EntityErasureMode mode)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new PrivacyException($"'{(int)mode}' is not an EntityErasureMode. Use one of: {string.Join(", ", Enum.GetNames<EntityErasureMode>())}.");
        }

        Erasure = mode;
        return this;
    }
}

/// <summary>What the mapper reads of an <see cref="EntityPrivacyOptions{TEntity}"/>, whatever its entity type.</summary>
internal interface IEntityOptions
{
    /// <summary>Gets the navigation chain to the owning entity, if the host named one.</summary>
    LambdaExpression? Owner { get; }

    /// <summary>Gets how rows are erased.</summary>
    EntityErasureMode Erasure { get; }
}
