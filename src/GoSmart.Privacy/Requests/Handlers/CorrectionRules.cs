namespace GoSmart.Privacy.Requests.Handlers;

/// <summary>Checks a rectification's corrections against the plans: each must name a personal-data member that is not a subject id, with a value of the member's type.</summary>
internal static class CorrectionRules
{
    public static void Check(IReadOnlyList<MemberCorrection> corrections, IEnumerable<Type> candidateTypes)
    {
        if (corrections.Count == 0)
        {
            throw new PrivacyException("A rectification request needs at least one correction. Pass the member to correct and its new value, e.g. new MemberCorrection(\"Contact\", \"Email\", \"ada@example.com\").");
        }

        var types = candidateTypes.Concat(PersonalDataPlans.Known.Select(p => p.EntityType)).Distinct().ToList();
        foreach (var correction in corrections)
        {
            if (correction is null || string.IsNullOrWhiteSpace(correction.EntityType) || string.IsNullOrWhiteSpace(correction.MemberPath))
            {
                throw new PrivacyException("A correction names no type or no member. Name the tagged type and the member's path, e.g. (\"Contact\", \"Email\").");
            }

            var matches = types.Where(correction.IsFor).ToList();
            if (matches.Count == 0)
            {
                throw new PrivacyException($"The correction names the type '{correction.EntityType}', which no rectification handler covers and no plan describes. Name a tagged type, by simple or full name.");
            }

            var plan = PersonalDataPlans.For(matches[0]);
            var member = plan.Members.FirstOrDefault(m => m.Path == correction.MemberPath);
            if (member is null)
            {
                throw new PrivacyException($"'{correction.EntityType}.{correction.MemberPath}' is not personal data: it is not a tagged member of {plan.EntityType.Name}. Correct one of: {string.Join(", ", plan.Members.Where(m => !m.IsSubjectId).Select(m => m.Path))}.");
            }

            if (member.IsSubjectId)
            {
                throw new PrivacyException($"'{correction.EntityType}.{correction.MemberPath}' is the subject id: it identifies the person and cannot be rectified. Correct another member.");
            }

            if (!TextValues.Fits(correction.Value, member.MemberType))
            {
                throw new PrivacyException(correction.Value is null
                    ? $"The correction of {correction.EntityType}.{correction.MemberPath} clears it, but it always has a value ({TextValues.Describe(member.MemberType)}). Pass the corrected value."
                    : $"The correction of {correction.EntityType}.{correction.MemberPath} is '{correction.Value}', which does not fit it: write {TextValues.Describe(member.MemberType)} (invariant culture).");
            }
        }
    }
}
