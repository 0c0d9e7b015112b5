using System.Text.Json;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>The plan of <typeparamref name="T"/> built by reflection, with compiled accessors.</summary>
internal sealed class ReflectionPersonalDataPlan<T> : IPersonalDataPlan<T>
{
    private readonly ReflectionPlan _plan;

    public ReflectionPersonalDataPlan(ReflectionPlan plan)
    {
        _plan = plan;
    }

    public Type EntityType => typeof(T);

    public PlanSource Source => PlanSource.Reflection;

    public IReadOnlyList<PersonalMember> Members => _plan.Members;

    public string? SubjectIdPath => _plan.SubjectIdPath;

    public object? GetSubjectId(T value) => value is null || _plan.SubjectId is null ? null : _plan.SubjectId(value);

    public object? GetSubjectId(object value) => GetSubjectId(Cast(value));

    public void WriteJson(Utf8JsonWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        _plan.Root.WriteNested(writer, value, new WalkState(_plan.IsRecursive));
    }

    public void WriteJson(Utf8JsonWriter writer, object? value) => WriteJson(writer, value is null ? default! : Cast(value));

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

    public RedactionReport Redact(object value, RedactionContext context)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(context);
        Cast(value);
        var report = new RedactionReport(this);
        _plan.Root.RedactNested(value, new WalkState(_plan.IsRecursive, context, report));
        return report;
    }

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

        object target = value;
        _plan.Root.RedactNested(target, new WalkState(_plan.IsRecursive, context, report));
        if (typeof(T).IsValueType)
        {
            value = (T)target;
        }
    }

    private static T Cast(object value) => value is T typed
        ? typed
        : throw new PrivacyException($"The plan of '{typeof(T).Name}' was given a '{value.GetType().Name}'. Ask PersonalDataPlan.For(value.GetType()) for the plan of that type.");
}
