using System.Text.Json;
using GoSmart.Privacy.GeneratedCode;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>The plan of <typeparamref name="T"/> built by reflection, with compiled accessors.</summary>
internal sealed class ReflectionPersonalDataPlan<T> : PersonalDataPlanBase<T>
{
    private readonly ReflectionPlan _plan;

    public ReflectionPersonalDataPlan(ReflectionPlan plan)
        : base(plan.Members, plan.SubjectIdPath, plan.IsRecursive)
    {
        _plan = plan;
    }

    public override PlanSource Source => PlanSource.Reflection;

    protected override object? ReadSubjectId(T value) => _plan.SubjectId?.Invoke(value!);

    protected override void WriteObject(Utf8JsonWriter writer, T value, HashSet<object>? seen) =>
        _plan.Root.WriteObject(writer, value!, new WalkState(seen));

    protected override void WriteDisclosedObject(Utf8JsonWriter writer, T value, HashSet<object>? seen, RedactionContext context, bool applies) =>
        _plan.Root.WriteObject(writer, value!, new WalkState(seen, context, null, applies));

    protected override void RedactObject(ref T value, RedactionContext context, RedactionReport report, HashSet<object>? seen, bool applies)
    {
        object target = value!;
        _plan.Root.Redact(target, new WalkState(seen, context, report, applies));
        if (typeof(T).IsValueType)
        {
            value = (T)target;
        }
    }
}
