using GoSmart.Privacy.Generators.Model;
using GoSmart.Privacy.Rules;
using Microsoft.CodeAnalysis.CSharp;

namespace GoSmart.Privacy.Generators.Emission;

/// <summary>The redact methods: one per node, applying each member's strategy (or, for another subject's parts, nothing) and recording it.</summary>
internal static partial class PlanEmitter
{
    private static void RedactMethod(SourceWriter w, PlanModel plan, NodeModel node)
    {
        w.Open("private static void Redact" + node.Id + "(" + (node.IsValueType ? "ref " : string.Empty) + node.TypeName + " value, " + Context + " context, " + Report + " report, " + Seen + " seen, bool apply)");
        var leaves = node.Steps.Where(s => s.Kind == StepKind.ScalarCollection || (s.Kind == StepKind.Scalar && !s.IsSubjectId)).ToList();
        if (leaves.Count > 0)
        {
            // The object's own members: redacted when it belongs to a subject the context redacts.
            w.Open("if (apply)");
            foreach (var step in leaves)
            {
                if (step.Kind == StepKind.Scalar)
                {
                    RedactScalar(w, step);
                }
                else
                {
                    RedactScalarCollection(w, step);
                }
            }

            w.Close();
        }

        var freeText = leaves.Where(s => s.IsFreeText).ToList();
        if (freeText.Count > 0)
        {
            // Someone else's part: only the erased subject's mentions inside its free text change.
            w.Open("if (!apply && context.ErasureFreeText is { } rewriter)");
            foreach (var step in freeText)
            {
                RewriteFreeText(w, step);
            }

            w.Close();
        }

        foreach (var step in node.Steps)
        {
            if (step.Kind == StepKind.Nested)
            {
                RedactNested(w, plan, step);
            }
            else if (step.Kind == StepKind.NestedCollection)
            {
                RedactNestedCollection(w, plan, step);
            }
        }

        w.Close();
    }

    private static void RedactScalar(SourceWriter w, StepModel step)
    {
        w.Open();
        w.Line("var current = " + Get(step.Access) + ";");
        if (step.ValueCanBeNull)
        {
            w.Open("if (current is not null)");
        }
        else
        {
            w.Open();
        }

        w.Line("report.Record(" + step.Index + ");");
        if (step.Strategy != ErasureStrategy.Retain)
        {
            w.Line(step.ValueType + " redacted = " + Apply(step, "current", "context") + ";");
            if (step.Access.Set != SetMode.None)
            {
                w.Line(Set(step.Access, "redacted"));
            }
            else
            {
                w.Open("if (!global::System.Collections.Generic.EqualityComparer<" + step.ValueType + ">.Default.Equals(current, redacted))");
                w.Line("report.RecordNotWritable(" + step.Index + ");");
                w.Close();
            }
        }

        w.Close();
        w.Close();
    }

    private static void RewriteFreeText(SourceWriter w, StepModel step)
    {
        w.Open();
        w.Line("var current = " + Get(step.Access) + ";");
        w.Open("if (current is not null)");
        w.Line("var rewritten = global::GoSmart.Privacy.GeneratedCode.FreeTextRedaction.InOthersPart(current, rewriter, report, " + step.Index + ", " + Bool(step.Strategy == ErasureStrategy.Retain) + ");");
        if (step.Strategy != ErasureStrategy.Retain)
        {
            w.Open("if (!global::System.Object.ReferenceEquals(rewritten, current))");
            w.Line(step.Access.Set != SetMode.None ? Set(step.Access, "rewritten") : "report.RecordNotWritable(" + step.Index + ");");
            w.Close();
        }

        w.Close();
        w.Close();
    }

    private static void RedactScalarCollection(SourceWriter w, StepModel step)
    {
        var dictionary = step.Container == Container.Dictionary;
        w.Open();
        w.Line("var values = " + Get(step.Access) + ";");
        w.Open(step.DeclaredCanBeNull ? "if (values is not null)" : null);
        w.Line("var count = 0;");
        w.Open("foreach (var item in " + Enumerate(step) + ")");
        w.Line(step.ValueCanBeNull ? "if (" + (dictionary ? "item.Value" : "item") + " is not null) count++;" : "count++;");
        w.Close();
        w.Line("report.Record(" + step.Index + ", count);");
        if (step.Strategy != ErasureStrategy.Retain)
        {
            w.Open("if (count != 0)");
            if (step.Strategy == ErasureStrategy.Erase && step.Container == Container.Array && step.CanReplace)
            {
                // An array member that can be set is replaced by an empty array, as CollectionRedaction.Empty decides for arrays.
                w.Line(Set(step.Access, "global::System.Array.Empty<" + step.ValueType + ">()"));
            }
            else if (step.Strategy == ErasureStrategy.Erase)
            {
                w.Line("var erasure = " + Collections + ".Empty<" + step.ValueType + ">(values, canReplace: " + Bool(step.CanReplace) + ");");
                if (step.CanReplace)
                {
                    w.Open("if (erasure == global::GoSmart.Privacy.GeneratedCode.CollectionErasure.ReplaceWithEmptyArray)");
                    w.Line(Set(step.Access, "global::System.Array.Empty<" + step.ValueType + ">()"));
                    w.Close();
                }

                w.Open("if (erasure == global::GoSmart.Privacy.GeneratedCode.CollectionErasure.NotWritable)");
                w.Line("report.RecordNotWritable(" + step.Index + ");");
                w.Close();
            }
            else
            {
                w.Open("if (!" + Collections + ".TransformEach<" + step.ValueType + ">(values, static (element, ctx) => " + Apply(step, "element", "ctx") + ", context))");
                w.Line("report.RecordNotWritable(" + step.Index + ");");
                w.Close();
            }

            w.Close();
        }

        w.Close();
        w.Close();
    }

    private static void RedactNested(SourceWriter w, PlanModel plan, StepModel step)
    {
        w.Open();
        w.Line("var nested = " + Get(step.Access) + ";");
        if (step.ChildIsValueType)
        {
            // A struct is a copy: redact it, then store it back. A nullable struct's null stays null.
            var local = step.ValueIsNullable ? "inner" : "nested";
            if (step.ValueIsNullable)
            {
                w.Open("if (nested.HasValue)");
                w.Line("var inner = nested.GetValueOrDefault();");
            }

            w.Line("var nestedApply = " + ChildApply(plan, step.ChildNode, local) + ";");
            w.Line("Redact" + step.ChildNode + "(ref " + local + ", context, report, seen, nestedApply);");
            if (step.Access.Set != SetMode.None)
            {
                w.Line(Set(step.Access, local));
            }
            else
            {
                w.Open("if (nestedApply)");
                MarkNotWritable(w, plan, step.ChildNode);
                w.Close();
            }

            if (step.ValueIsNullable)
            {
                w.Close();
            }
        }
        else
        {
            w.Open("if (nested is not null" + (plan.IsRecursive ? " && (seen is null || seen.Add(nested))" : string.Empty) + ")");
            w.Line("Redact" + step.ChildNode + "(nested, context, report, seen, " + ChildApply(plan, step.ChildNode, "nested") + ");");
            w.Close();
        }

        w.Close();
    }

    private static void RedactNestedCollection(SourceWriter w, PlanModel plan, StepModel step)
    {
        w.Open();
        w.Line("var values = " + Get(step.Access) + ";");
        w.Open(step.DeclaredCanBeNull ? "if (values is not null)" : null);
        if (step.ChildIsValueType)
        {
            // Struct elements arrive boxed: each box is redacted in place and stored back.
            w.Open("void RedactBox(object box)");
            w.Line("ref var element = ref " + Runtime + ".Unsafe.Unbox<" + step.UnderlyingType + ">(box);"); // a nullable struct is boxed as its struct
            w.Line("Redact" + step.ChildNode + "(ref element, context, report, seen, " + ChildApply(plan, step.ChildNode, "element") + ");");
            w.Close();
            w.Open("if (!" + Collections + ".RedactStructElements(values, RedactBox) && apply)");
            MarkNotWritable(w, plan, step.ChildNode);
            w.Close();
        }
        else
        {
            w.Open("foreach (var item in " + Enumerate(step) + ")");
            w.Line("var element = " + (step.Container == Container.Dictionary ? "item.Value" : "item") + ";");
            w.Open("if (element is not null" + (plan.IsRecursive ? " && (seen is null || seen.Add(element))" : string.Empty) + ")");
            w.Line("Redact" + step.ChildNode + "(element, context, report, seen, " + ChildApply(plan, step.ChildNode, "element") + ");");
            w.Close();
            w.Close();
        }

        w.Close();
        w.Close();
    }

    private static void MarkNotWritable(SourceWriter w, PlanModel plan, int node)
    {
        foreach (var index in plan.Nodes[node].Reachable)
        {
            w.Line("report.RecordNotWritable(" + index + ");");
        }
    }
}
