using GoSmart.Privacy.Generators.Model;
using GoSmart.Privacy.Rules;
using Microsoft.CodeAnalysis.CSharp;

namespace GoSmart.Privacy.Generators.Emission;

/// <summary>The write methods: one per node, writing the node's tagged members as JSON with direct member access.</summary>
internal static partial class PlanEmitter
{
    private static void WriteMethod(SourceWriter w, PlanModel plan, NodeModel node)
    {
        w.Open("private static void Write" + node.Id + "(" + Writer + " writer, " + node.TypeName + " value, " + Seen + " seen)");
        w.Line("writer.WriteStartObject();");
        foreach (var step in node.Steps)
        {
            if (step.Kind == StepKind.Scalar && HasNamedWrite(step))
            {
                // One call writes the name and the value: the same bytes, less work than two.
                w.Line(Values + ".Write(writer, N" + step.NameIndex + ", " + Widen(step, Get(step.Access)) + ");");
                continue;
            }

            w.Line("writer.WritePropertyName(N" + step.NameIndex + ");");
            switch (step.Kind)
            {
                case StepKind.Scalar:
                    WriteScalar(w, step, Get(step.Access));
                    break;
                case StepKind.Nested:
                    w.Open();
                    w.Line("var nested = " + Get(step.Access) + ";");
                    WriteNested(w, plan, step, "nested");
                    w.Close();
                    break;
                default:
                    w.Open();
                    w.Line("var values = " + Get(step.Access) + ";");
                    if (step.DeclaredCanBeNull)
                    {
                        w.Open("if (values is null)").Line("writer.WriteNullValue();").Close().Open("else");
                    }
                    else
                    {
                        w.Open();
                    }

                    var dictionary = step.Container == Container.Dictionary;
                    w.Line(dictionary ? "writer.WriteStartObject();" : "writer.WriteStartArray();");
                    w.Open("foreach (var item in " + Enumerate(step) + ")");
                    if (dictionary)
                    {
                        w.Line("writer.WritePropertyName(item.Key);");
                    }

                    if (step.Kind == StepKind.ScalarCollection)
                    {
                        WriteScalar(w, step, dictionary ? "item.Value" : "item");
                    }
                    else
                    {
                        w.Line("var element = " + (dictionary ? "item.Value" : "item") + ";");
                        WriteNested(w, plan, step, "element");
                    }

                    w.Close();
                    w.Line(dictionary ? "writer.WriteEndObject();" : "writer.WriteEndArray();");
                    w.Close();
                    w.Close();
                    break;
            }
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    /// <summary>Writes a nested value held in local <paramref name="local"/>: <c>null</c> for null and, in a recursive plan, for an object already on the path.</summary>
    private static void WriteNested(SourceWriter w, PlanModel plan, StepModel step, string local)
    {
        if (step.ChildIsValueType && step.ValueIsNullable)
        {
            w.Open("if (" + local + ".HasValue)").Line("Write" + step.ChildNode + "(writer, " + local + ".GetValueOrDefault(), seen);").Close();
            w.Open("else").Line("writer.WriteNullValue();").Close();
            return;
        }

        if (step.ChildIsValueType)
        {
            w.Line("Write" + step.ChildNode + "(writer, " + local + ", seen);");
            return;
        }

        w.Open("if (" + local + " is null" + (plan.IsRecursive ? " || (seen is not null && !seen.Add(" + local + "))" : string.Empty) + ")");
        w.Line("writer.WriteNullValue();");
        w.Close();
        w.Open("else");
        w.Line("Write" + step.ChildNode + "(writer, " + local + ", seen);");
        if (plan.IsRecursive)
        {
            w.Line("seen?.Remove(" + local + ");");
        }

        w.Close();
    }

    private static void WriteScalar(SourceWriter w, StepModel step, string expression)
    {
        if (!step.ValueIsNullable)
        {
            w.Line(WriteCall(step, expression) + ";");
            return;
        }

        w.Open();
        w.Line("var nullable = " + expression + ";");
        w.Open("if (nullable.HasValue)").Line(WriteCall(step, "nullable.GetValueOrDefault()") + ";").Close();
        w.Open("else").Line("writer.WriteNullValue();").Close();
        w.Close();
    }

    private static string WriteCall(StepModel step, string value) => step.ValueKind switch
    {
        ValueKind.Enum => Values + ".WriteEnum<" + step.UnderlyingType + ">(writer, " + value + ")",
        _ => Values + ".Write(writer, " + Widen(step, value) + ")",
    };

    /// <summary>Integers other than <c>long</c> and <c>ulong</c> are written as <c>long</c>, as reflection plans write them.</summary>
    private static string Widen(StepModel step, string value) =>
        step.ValueKind == ValueKind.Integer && step.UnderlyingType is not ("long" or "ulong") ? "(long)" + value : value;

    /// <summary>Whether <c>PersonalDataJsonValues</c> writes this member's name and value in one call.</summary>
    private static bool HasNamedWrite(StepModel step) =>
        !step.ValueIsNullable && step.ValueKind is ValueKind.String or ValueKind.Boolean or ValueKind.Integer or ValueKind.Decimal or ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.Guid;
}
