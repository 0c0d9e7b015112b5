using GoSmart.Privacy.Generators.Model;
using GoSmart.Privacy.Rules;

namespace GoSmart.Privacy.Generators.Emission;

/// <summary>
/// The disclosure writers (<c>WriteDisclosed{N}</c>): the JSON a record would have after redaction, written without
/// changing the record — for access packages (Art. 15(4)). Where a part applies, its strategy is applied to the
/// value on its way out; <c>Retain</c> is written erased (an exemption lets the controller keep data, not disclose
/// it); a subject id is written as a pseudonym under the context's key. The reflection plan writes the same bytes.
/// </summary>
internal static partial class PlanEmitter
{
    private static void WriteDisclosedMethod(SourceWriter w, PlanModel plan, NodeModel node)
    {
        w.Open("private static void WriteDisclosed" + node.Id + "(" + Writer + " writer, " + node.TypeName + " value, " + Seen + " seen, " + Context + " context, bool apply)");
        w.Line("writer.WriteStartObject();");
        foreach (var step in node.Steps)
        {
            w.Line("writer.WritePropertyName(N" + step.NameIndex + ");");
            w.Open();
            switch (step.Kind)
            {
                case StepKind.Scalar when step.IsSubjectId:
                    w.Line("var current = " + Get(step.Access) + ";");
                    w.Open("if (apply" + (step.ValueCanBeNull ? " && current is not null" : string.Empty) + ")");
                    w.Line("writer.WriteStringValue(context.Pseudonymize(global::GoSmart.Privacy.SubjectRef.Format(current)));");
                    w.Close().Open("else");
                    WriteScalar(w, step, "current");
                    w.Close();
                    break;
                case StepKind.Scalar:
                    w.Line("var current = " + Get(step.Access) + ";");
                    w.Open("if (apply" + (step.ValueCanBeNull || step.IsFreeText ? " && current is not null" : string.Empty) + ")")
                        .Line("current = " + (step.IsFreeText ? "context.DisclosureFreeText is { } freeText ? freeText.Rewrite(current) : " : string.Empty) + Disclosed(step, "current") + ";").Close();
                    WriteScalar(w, step, "current");
                    break;
                case StepKind.Nested:
                    w.Line("var nested = " + Get(step.Access) + ";");
                    WriteNestedDisclosed(w, plan, step, "nested");
                    break;
                default:
                    WriteCollectionDisclosed(w, plan, step);
                    break;
            }

            w.Close();
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    private static void WriteCollectionDisclosed(SourceWriter w, PlanModel plan, StepModel step)
    {
        var dictionary = step.Container == Container.Dictionary;
        w.Line("var values = " + Get(step.Access) + ";");
        if (step.DeclaredCanBeNull)
        {
            w.Open("if (values is null)").Line("writer.WriteNullValue();").Close().Open("else");
        }
        else
        {
            w.Open();
        }

        w.Line(dictionary ? "writer.WriteStartObject();" : "writer.WriteStartArray();");
        var emptied = step.Kind == StepKind.ScalarCollection && step.Strategy is ErasureStrategy.Erase or ErasureStrategy.Retain;
        w.Open(emptied ? "if (!apply)" : null); // an erased (or retained) collection is disclosed empty
        w.Open("foreach (var item in " + Enumerate(step) + ")");
        if (dictionary)
        {
            w.Line("writer.WritePropertyName(item.Key);");
        }

        w.Line("var element = " + (dictionary ? "item.Value" : "item") + ";");
        if (step.Kind == StepKind.ScalarCollection)
        {
            if (!emptied)
            {
                w.Open("if (apply" + (step.ValueCanBeNull ? " && element is not null" : string.Empty) + ")").Line("element = " + Apply(step, "element", "context") + ";").Close();
            }

            WriteScalar(w, step, "element");
        }
        else
        {
            WriteNestedDisclosed(w, plan, step, "element");
        }

        w.Close();
        w.Close();
        w.Line(dictionary ? "writer.WriteEndObject();" : "writer.WriteEndArray();");
        w.Close();
    }

    /// <summary>Writes a nested value held in <paramref name="local"/> through its disclosure writer, as <see cref="WriteNested"/> does through its writer.</summary>
    private static void WriteNestedDisclosed(SourceWriter w, PlanModel plan, StepModel step, string local)
    {
        var call = "WriteDisclosed" + step.ChildNode + "(writer, {0}, seen, context, " + "{1}" + ");";
        if (step.ChildIsValueType && step.ValueIsNullable)
        {
            w.Open("if (" + local + ".HasValue)");
            w.Line("var inner = " + local + ".GetValueOrDefault();");
            w.Line(string.Format(System.Globalization.CultureInfo.InvariantCulture, call, "inner", ChildApply(plan, step.ChildNode, "inner")));
            w.Close();
            w.Open("else").Line("writer.WriteNullValue();").Close();
            return;
        }

        if (step.ChildIsValueType)
        {
            w.Line(string.Format(System.Globalization.CultureInfo.InvariantCulture, call, local, ChildApply(plan, step.ChildNode, local)));
            return;
        }

        w.Open("if (" + local + " is null" + (plan.IsRecursive ? " || (seen is not null && !seen.Add(" + local + "))" : string.Empty) + ")");
        w.Line("writer.WriteNullValue();");
        w.Close();
        w.Open("else");
        w.Line(string.Format(System.Globalization.CultureInfo.InvariantCulture, call, local, ChildApply(plan, step.ChildNode, local)));
        if (plan.IsRecursive)
        {
            w.Line("seen?.Remove(" + local + ");");
        }

        w.Close();
    }

    /// <summary>The value a scalar is disclosed with where its part applies: its strategy's result, and <c>Retain</c> erased.</summary>
    private static string Disclosed(StepModel step, string value) =>
        step.Strategy == ErasureStrategy.Retain ? Apply(step with { Strategy = ErasureStrategy.Erase }, value, "context") : Apply(step, value, "context");
}
