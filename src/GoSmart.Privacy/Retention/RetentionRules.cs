namespace GoSmart.Privacy.Retention;

/// <summary>The checks every retention rule passes at start-up; a broken rule stops the host, naming the rule and the fix.</summary>
internal static class RetentionRules
{
    public static IEnumerable<string> Problems(RetentionOptions retention)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        HashSet<string>? categories = null; // gathered from the plans once, and only when a rule names a category
        foreach (var rule in retention.Rules)
        {
            if (rule is null)
            {
                yield return "PrivacyOptions.Retention.Rules holds null. Remove it, or add a RetentionRule.";
                continue;
            }

            var name = string.IsNullOrWhiteSpace(rule.Name) ? "(unnamed)" : rule.Name;
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                yield return "A retention rule has no name. Give each rule a stable name such as 'invoices': it names the rule in sweeps and audit events.";
            }
            else if (!names.Add(rule.Name))
            {
                yield return $"Two retention rules are named '{rule.Name}'. Give each rule its own name.";
            }

            if (string.IsNullOrWhiteSpace(rule.Anchor))
            {
                yield return $"Retention rule '{name}' has no anchor event, so its period starts nowhere. Name the event it runs from, e.g. Anchor = \"account closed\" or \"last invoice\".";
            }

            if (rule.Period.Length <= 0 || !Enum.IsDefined(rule.Period.Unit))
            {
                yield return $"Retention rule '{name}' keeps data for {rule.Period.Length} {rule.Period.Unit}: a period is a positive number of days, months or years, e.g. RetentionPeriod.Years(7).";
            }

            if (string.IsNullOrWhiteSpace(rule.LegalReason))
            {
                yield return $"Retention rule '{name}' gives no legal reason. Say why the data is kept that long, e.g. \"tax law: accounting records for 7 years\" — the access package tells the subject.";
            }

            if (!Enum.IsDefined(rule.Scope) || !Enum.IsDefined(rule.Action))
            {
                yield return $"Retention rule '{name}' has scope {(int)rule.Scope} or action {(int)rule.Action}, which are not defined. Use a RetentionScope and a RetentionAction.";
            }
            else if (string.IsNullOrWhiteSpace(rule.Target))
            {
                yield return $"Retention rule '{name}' names no {rule.Scope.ToString().ToLowerInvariant()}. Set Target to the {TargetText(rule.Scope)}.";
            }
            else if (rule.Scope == RetentionScope.Category && !(categories ??= KnownCategories()).Contains(rule.Target))
            {
                yield return $"Retention rule '{name}' is for the category '{rule.Target}', which is neither in the taxonomy nor tagged on any known type. Use a DataCategories constant such as DataCategories.Payment (check the spelling), or the key a [PersonalField] of yours uses.";
            }
        }
    }

    /// <summary>The taxonomy's keys and every key a known plan tags (a host's own categories).</summary>
    internal static HashSet<string> KnownCategories() =>
        [.. DataCategories.All, .. PersonalDataPlans.Known.SelectMany(p => p.Members).Select(m => m.Category)];

    private static string TargetText(RetentionScope scope) => scope switch
    {
        RetentionScope.Category => "data-category key, e.g. DataCategories.Payment",
        RetentionScope.Purpose => "purpose key, e.g. 'marketing.communications.email'",
        RetentionScope.Entity => "tagged type's full name, e.g. 'Crm.Invoice'",
        _ => "handler's name, e.g. 'crm.db/Invoice'",
    };
}
