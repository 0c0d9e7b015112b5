using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace GoSmart.Privacy.GeneratedCode;

/// <summary>
/// What every plan of <typeparamref name="T"/> does the same way, whatever built it: argument checks, the
/// untyped overloads, struct handling and the cycle guard. Generated and reflection plans supply only the
/// walk over the members.
/// </summary>
/// <typeparam name="T">The tagged type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class PersonalDataPlanBase<T> : IPersonalDataPlan<T>
{
    private readonly PersonalMember[] _members;
    private readonly bool _rotatesStamps;

    /// <summary>Initializes the plan.</summary>
    /// <param name="members">Every tagged member, nested members flattened, in export order.</param>
    /// <param name="subjectIdPath">The path of the subject-id member, or <see langword="null"/>.</param>
    /// <param name="isRecursive">Whether the type graph is recursive, so that walks must guard against reference cycles.</param>
    protected PersonalDataPlanBase(IReadOnlyList<PersonalMember> members, string? subjectIdPath, bool isRecursive)
    {
        ArgumentNullException.ThrowIfNull(members);
        _members = [.. members];
        SubjectIdPath = subjectIdPath;
        IsRecursive = isRecursive;
        _rotatesStamps = AccountStamps<T>.Any;
    }

    /// <inheritdoc />
    public Type EntityType => typeof(T);

    /// <inheritdoc />
    public abstract PlanSource Source { get; }

    /// <inheritdoc />
    public IReadOnlyList<PersonalMember> Members => _members;

    /// <inheritdoc />
    public string? SubjectIdPath { get; }

    /// <summary>Gets whether the type graph is recursive: walks then carry a set of the objects already visited.</summary>
    protected bool IsRecursive { get; }

    /// <inheritdoc />
    public object? GetSubjectId(T value) => value is null ? null : ReadSubjectId(value);

    /// <inheritdoc />
    public object? GetSubjectId(object value) => GetSubjectId(Cast(value));

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        WriteObject(writer, value, Enter(value));
    }

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer, object? value) => WriteJson(writer, value is null ? default! : Cast(value));

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer, T value, RedactionContext context)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        WriteDisclosedObject(writer, value, Enter(value), context, RootApplies(value, context));
    }

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer, object? value, RedactionContext context) => WriteJson(writer, value is null ? default! : Cast(value), context);

    /// <inheritdoc />
    public RedactionReport Redact(T value, RedactionContext context)
    {
        if (typeof(T).IsValueType)
        {
            throw new PrivacyException($"'{typeof(T).Name}' is a struct: Redact(value, context) would change a copy. Call Redact(ref value, context, report) instead.");
        }

        var report = new RedactionReport(this);
        Redact(ref value, context, report);
        return report;
    }

    /// <inheritdoc />
    public RedactionReport Redact(object value, RedactionContext context)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(context);
        var typed = Cast(value);
        var report = new RedactionReport(this);
        if (typeof(T).IsValueType)
        {
            // A boxed struct is changed in its box: a box has the layout of a class whose only field is the value.
            RedactObject(ref Unsafe.As<Box>(value).Value, context, report, Enter(typed), RootApplies(typed, context));
        }
        else
        {
            RedactObject(ref typed, context, report, Enter(typed), RootApplies(typed, context));
            RotateStamps(typed, report);
        }

        return report;
    }

    /// <inheritdoc />
    public void Redact(ref T value, RedactionContext context, RedactionReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        if (!ReferenceEquals(report.Plan, this))
        {
            throw new PrivacyException($"The report was created for the plan of '{report.Plan.EntityType.Name}', not '{typeof(T).Name}'. Create it with new RedactionReport(plan) for this plan.");
        }

        report.Reset();
        if (value is null)
        {
            return;
        }

        RedactObject(ref value, context, report, Enter(value), RootApplies(value, context));
        RotateStamps(value, report);
    }

    /// <summary>Reads the subject id of a non-null <paramref name="value"/>.</summary>
    /// <param name="value">The instance.</param>
    /// <returns>The boxed subject id, or <see langword="null"/> when the type has none.</returns>
    protected abstract object? ReadSubjectId(T value);

    /// <summary>Writes a non-null <paramref name="value"/> as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The instance.</param>
    /// <param name="seen">For a recursive plan, the objects on the current path (the root included); otherwise <see langword="null"/>.</param>
    protected abstract void WriteObject(Utf8JsonWriter writer, T value, HashSet<object>? seen);

    /// <summary>Writes a non-null <paramref name="value"/> as one JSON object as it may be disclosed under <paramref name="context"/>, without changing it.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The instance.</param>
    /// <param name="seen">For a recursive plan, the objects on the current path (the root included); otherwise <see langword="null"/>.</param>
    /// <param name="context">Which parts are redacted, and the key.</param>
    /// <param name="applies">Whether the root's own members are redacted (<see cref="RedactionContext.Applies"/>).</param>
    protected abstract void WriteDisclosedObject(Utf8JsonWriter writer, T value, HashSet<object>? seen, RedactionContext context, bool applies);

    /// <summary>Applies every member's strategy to a non-null <paramref name="value"/>, recording into <paramref name="report"/>.</summary>
    /// <param name="value">The instance; a struct is written back.</param>
    /// <param name="context">The keys and settings redaction uses.</param>
    /// <param name="report">The report, already reset.</param>
    /// <param name="seen">For a recursive plan, the objects already redacted (the root included); otherwise <see langword="null"/>.</param>
    /// <param name="applies">Whether the root's own members are redacted: the record belongs to a subject <paramref name="context"/> redacts (<see cref="RedactionContext.Applies"/>).</param>
    protected abstract void RedactObject(ref T value, RedactionContext context, RedactionReport report, HashSet<object>? seen, bool applies);

    /// <summary>Whether a record's own members are redacted: the context decides from the record's owner, its subject id.</summary>
    private bool RootApplies(T value, RedactionContext context) => context.RedactsEverything || context.Applies(ReadSubjectId(value));

    /// <summary>An Identity user whose personal data changed gets new stamps (<see cref="AccountStamps{T}"/>).</summary>
    private void RotateStamps(T value, RedactionReport report)
    {
        // An instance field, not AccountStamps<T>.Any: for a class T this method is shared generic code, where
        // every read of a generic static costs a dictionary lookup on each erasure.
        if (_rotatesStamps && report.ChangedCount > 0)
        {
            AccountStamps<T>.Rotate(value);
        }
    }

    private HashSet<object>? Enter(T root)
    {
        if (!IsRecursive)
        {
            return null;
        }

        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        if (!typeof(T).IsValueType)
        {
            seen.Add(root!);
        }

        return seen;
    }

    private sealed class Box
    {
        public T Value = default!;
    }

    private static T Cast(object value) => value is T typed
        ? typed
        : throw new PrivacyException($"The plan of '{typeof(T).Name}' was given a '{value.GetType().Name}'. Ask PersonalDataPlans.For(value.GetType()) for the plan of that type.");
}
