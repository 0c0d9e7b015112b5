using System.Text.Json;

namespace GoSmart.Privacy;

/// <summary>
/// Where the personal data of one type is and what to do with it. Built once per type, by the
/// source generator or by reflection; both produce the same plan.
/// </summary>
public interface IPersonalDataPlan
{
    /// <summary>Gets the type the plan describes.</summary>
    Type EntityType { get; }

    /// <summary>Gets where the plan came from.</summary>
    PlanSource Source { get; }

    /// <summary>Gets every tagged member, nested members flattened, in export order.</summary>
    IReadOnlyList<PersonalMember> Members { get; }

    /// <summary>Gets the path of the <see cref="DataSubjectIdAttribute"/> member, or <see langword="null"/> when the type has none.</summary>
    string? SubjectIdPath { get; }

    /// <summary>Reads the subject id of <paramref name="value"/>: a <see cref="Guid"/>, <see cref="string"/>, <see cref="long"/> or <see cref="int"/>, or <see langword="null"/>.</summary>
    /// <param name="value">An instance of <see cref="EntityType"/>.</param>
    /// <returns>The subject id.</returns>
    object? GetSubjectId(object value);

    /// <summary>Writes the tagged members of <paramref name="value"/> as one JSON object (or JSON <c>null</c>).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">An instance of <see cref="EntityType"/>, or <see langword="null"/>.</param>
    void WriteJson(Utf8JsonWriter writer, object? value);

    /// <summary>
    /// Writes <paramref name="value"/> as it may be disclosed under <paramref name="context"/>, without changing it:
    /// every part the context redacts (<see cref="RedactionContext.Applies"/>) is written as its strategy leaves it,
    /// a retained member erased (an exemption allows keeping, not disclosing), a subject id as a pseudonym under the
    /// context's key. For Art. 15(4): another person's record in a subject's access package.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">An instance of <see cref="EntityType"/>, or <see langword="null"/>.</param>
    /// <param name="context">Which parts are redacted, and the key.</param>
    void WriteJson(Utf8JsonWriter writer, object? value, RedactionContext context);

    /// <summary>Applies every member's erasure strategy to <paramref name="value"/> in place (a boxed struct is changed in its box).</summary>
    /// <param name="value">An instance of <see cref="EntityType"/>.</param>
    /// <param name="context">The keys and settings redaction uses.</param>
    /// <returns>What happened to each member.</returns>
    RedactionReport Redact(object value, RedactionContext context);
}

/// <summary>The plan of <typeparamref name="T"/>, typed.</summary>
/// <typeparam name="T">The tagged type.</typeparam>
public interface IPersonalDataPlan<T> : IPersonalDataPlan
{
    /// <summary>Reads the subject id of <paramref name="value"/>.</summary>
    /// <param name="value">The instance.</param>
    /// <returns>The subject id, or <see langword="null"/> when the type has none or it is unset.</returns>
    object? GetSubjectId(T value);

    /// <summary>Writes the tagged members of <paramref name="value"/> as one JSON object (or JSON <c>null</c>), camelCase unless an export name says otherwise.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The instance.</param>
    void WriteJson(Utf8JsonWriter writer, T value);

    /// <summary>Writes <paramref name="value"/> as it may be disclosed under <paramref name="context"/>, without changing it (see <see cref="IPersonalDataPlan.WriteJson(Utf8JsonWriter, object?, RedactionContext)"/>).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The instance.</param>
    /// <param name="context">Which parts are redacted, and the key.</param>
    void WriteJson(Utf8JsonWriter writer, T value, RedactionContext context);

    /// <summary>Applies every member's erasure strategy to <paramref name="value"/> in place. For a struct, use <see cref="Redact(ref T, RedactionContext, RedactionReport)"/>.</summary>
    /// <param name="value">The instance (a reference type).</param>
    /// <param name="context">The keys and settings redaction uses.</param>
    /// <returns>What happened to each member.</returns>
    RedactionReport Redact(T value, RedactionContext context);

    /// <summary>Applies every member's erasure strategy to <paramref name="value"/> in place, recording into a report the caller owns and may reuse.</summary>
    /// <param name="value">The instance; a struct is written back.</param>
    /// <param name="context">The keys and settings redaction uses.</param>
    /// <param name="report">A report created for this plan; it is reset first.</param>
    void Redact(ref T value, RedactionContext context, RedactionReport report);
}
