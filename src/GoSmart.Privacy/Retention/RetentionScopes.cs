using GoSmart.Privacy.Requests.Engine;

namespace GoSmart.Privacy.Retention;

/// <summary>The one place that decides which handler areas a rule governs, and says why a rule is not swept (never silent).</summary>
internal static class RetentionScopes
{
    /// <summary>Whether <paramref name="rule"/> governs <paramref name="handler"/>'s area; when the area holds the rule's target but cannot be swept for it, why.</summary>
    public static bool Governs(RetentionRule rule, IRetentionHandler handler, out string? refusal)
    {
        refusal = null;
        switch (rule.Scope)
        {
            case RetentionScope.Handler:
                return string.Equals(rule.Target, handler.Name, StringComparison.Ordinal);
            case RetentionScope.Entity:
                return handler.Covers.Any(t => string.Equals(t.FullName, rule.Target, StringComparison.Ordinal));
            case RetentionScope.Category:
                var categories = StepPlans.Categories(handler.Covers);
                if (!categories.Contains(rule.Target))
                {
                    return false;
                }

                if (categories.Count == 1)
                {
                    return true;
                }

                refusal = $"the area holds '{rule.Target}' alongside {string.Join(", ", categories.Where(c => c != rule.Target).Order(StringComparer.Ordinal))}, and a sweep acts on whole records. Scope the rule to an entity or handler whose records may go as a whole.";
                return false;
            default:
                return false;
        }
    }

    /// <summary>Why no handler applies <paramref name="rule"/>.</summary>
    public static string Unswept(RetentionRule rule) => rule.Scope == RetentionScope.Purpose
        ? "records do not carry the purpose they were collected for, so no sweep can find them by it. The rule is disclosed; to apply it, add a rule scoped to the entities or handlers that hold that purpose's data."
        : $"no registered retention handler covers {rule.Scope.ToString().ToLowerInvariant()} '{rule.Target}'. Register one (the EF Core handlers are), or check the target's spelling.";
}
