using System.Collections.Generic;

namespace GoSmart.Privacy.Rules;

/// <summary>
/// Every rule about the SDK's annotations, with the message that explains it. The reflection plan
/// builder throws on the errors; the analyzers report the same ids and texts at compile time.
/// </summary>
internal static class AnnotationRules
{
    /// <summary>Checks one member and returns what is wrong with it (empty when nothing).</summary>
    public static List<RuleViolation> CheckMember(TaggedMember m)
    {
        var problems = new List<RuleViolation>();
        var where = "'" + m.TypeName + "." + m.MemberName + "'";

        if (m.HasConflictingTags)
        {
            problems.Add(Error(DiagnosticIds.ConflictingTags, m, where + " carries more than one of [PersonalField], [SensitiveField], [DataSubjectId] and [NotPersonalData]. Keep exactly one."));
            return problems;
        }

        if (m.Tag == TagKind.SubjectId)
        {
            if (!ValueKinds.IsSubjectIdType(m.ValueTypeFullName))
            {
                problems.Add(Error(DiagnosticIds.UnsupportedSubjectIdType, m, where + " is a [DataSubjectId] of type '" + m.MemberTypeDisplay + "'. A subject id must be a Guid, string, long or int (or a nullable one, for a record that may belong to no one); put the attribute on such a member."));
            }

            return problems;
        }

        if (m.Tag == TagKind.None && m.Shape == MemberShape.Nested && m.IsNestedValueType && !m.IsWritable)
        {
            problems.Add(Warning(DiagnosticIds.StructNotWritableBack, m, where + " holds a struct of type '" + m.MemberTypeDisplay + "' with personal data but cannot be written, so erasure changes only a copy and the original values stay (the report says NotWritable). Give it a setter (init or private is fine), or make the type a class."));
            return problems;
        }

        if (m.IsFreeText && !((m.Tag == TagKind.Personal || m.Tag == TagKind.Sensitive || m.Tag == TagKind.Identity) && m.Shape == MemberShape.Scalar && m.Kind == ValueKind.String))
        {
            problems.Add(Error(DiagnosticIds.FreeTextNotText, m, where + " is [FreeText], but only a tagged member holding one string can be: the scanner reads a text, and redaction writes one back. Put [FreeText] beside [PersonalField] or [SensitiveField] on a string member, or remove it."));
        }

        if (m.Tag != TagKind.Personal && m.Tag != TagKind.Sensitive && m.Tag != TagKind.Identity)
        {
            return problems;
        }

        if (m.Tag == TagKind.Personal && !CategoryKeys.IsValid(m.Category))
        {
            problems.Add(Error(DiagnosticIds.InvalidCategoryKey, m, where + " has the category key '" + (m.Category ?? "null") + "', which is not a dotted lower-case key under 'user.' or 'system.'. Use a DataCategories constant such as DataCategories.ContactEmail, or a key of the same form such as 'user.contact.email'."));
        }

        if (m.Shape == MemberShape.Nested || m.Shape == MemberShape.NestedCollection)
        {
            problems.Add(Error(DiagnosticIds.TagOnNestedType, m, where + " is tagged, but its type '" + m.MemberTypeDisplay + "' holds tagged members of its own. Remove the tag from " + where + ": the SDK reaches the nested type's tagged members through it."));
            return problems;
        }

        if (m.Shape == MemberShape.Unsupported)
        {
            problems.Add(Error(DiagnosticIds.UnsupportedMemberType, m, where + " is tagged, but its type '" + m.MemberTypeDisplay + "' is not supported. Tag members of type string, bool, char, an integer, float, double, decimal, DateTime, DateTimeOffset, DateOnly, TimeOnly, Guid, IPAddress or an enum (or nullable, arrays, collections and string-keyed dictionaries of them), or tag the members of that type instead."));
            return problems;
        }

        if (m.Erasure == ErasureStrategy.Retain && m.Exemption == ErasureExemption.None)
        {
            problems.Add(Error(DiagnosticIds.RetainWithoutExemption, m, where + " uses Erasure = Retain without an exemption. Set Exemption to the GDPR Art. 17(3) ground that keeps it (e.g. ErasureExemption.LegalObligation), or choose another strategy."));
        }
        else if (m.Erasure != ErasureStrategy.Retain && m.Exemption != ErasureExemption.None)
        {
            problems.Add(Error(DiagnosticIds.ExemptionWithoutRetain, m, where + " has Exemption = " + m.Exemption + " but Erasure = " + m.Erasure + ". An exemption keeps the value: set Erasure = ErasureStrategy.Retain, or remove the exemption."));
        }

        if (!StrategyFit.Fits(m.Erasure, m.Kind))
        {
            problems.Add(Error(DiagnosticIds.StrategyDoesNotFitType, m, where + " uses Erasure = " + m.Erasure + ", which cannot apply to its type '" + m.MemberTypeDisplay + "'. Use one of: " + StrategyFit.FittingStrategies(m.Kind) + "."));
        }

        if (m.Erasure == ErasureStrategy.Mask && m.VisibleCharacters < 0)
        {
            problems.Add(Error(DiagnosticIds.InvalidStrategyParameter, m, where + " has VisibleCharacters = " + m.VisibleCharacters + ". Use 0 or more."));
        }

        if (m.Erasure == ErasureStrategy.Generalize && m.BucketSize <= 0 && (m.Kind == ValueKind.Integer || m.Kind == ValueKind.FloatingPoint || m.Kind == ValueKind.Decimal))
        {
            problems.Add(Error(DiagnosticIds.InvalidStrategyParameter, m, where + " has BucketSize = " + m.BucketSize + ". Use 1 or more."));
        }

        if (m.IsKey && m.Erasure != ErasureStrategy.Retain)
        {
            problems.Add(Warning(DiagnosticIds.StrategyOnKeyMember, m, where + " uses Erasure = " + m.Erasure + " but is part of the primary key, so it cannot be rewritten in place: the database finds the row by it, and a changed key is another row. Delete the row on erasure (the EF Core eraser deletes such rows; suppress this warning when that is what you want), or keep the value with Erasure = Retain and an exemption."));
        }

        if (m.Erasure != ErasureStrategy.Retain && (m.Shape == MemberShape.Scalar ? !m.IsWritable : !(m.IsWritable || m.IsCollectionWritable)))
        {
            problems.Add(Warning(DiagnosticIds.StrategyOnReadOnlyMember, m, where + " uses Erasure = " + m.Erasure + " but cannot be written (a get-only or computed member, or a read-only collection). Give it a setter (init or private is fine), tag the member that stores the value instead, or use Retain with an exemption."));
        }

        return problems;
    }

    /// <summary>Checks rules about a whole type: at most one subject id.</summary>
    public static List<RuleViolation> CheckType(string typeName, IReadOnlyList<TaggedMember> members)
    {
        var problems = new List<RuleViolation>();
        var ids = new List<string>();
        foreach (var m in members)
        {
            if (m.Tag == TagKind.SubjectId)
            {
                ids.Add(m.MemberName);
            }
        }

        if (ids.Count > 1)
        {
            var names = new List<string>();
            foreach (var id in ids)
            {
                names.Add("'" + typeName + "." + id + "'");
            }

            problems.Add(new RuleViolation(DiagnosticIds.MultipleSubjectIds, true, ids[1], "'" + typeName + "' has " + ids.Count + " [DataSubjectId] members: " + string.Join(", ", names) + ". A record belongs to one data subject: keep [DataSubjectId] on one member and tag the others with [PersonalField(DataCategories.UniqueId)]."));
        }

        return problems;
    }

    private static RuleViolation Error(string id, TaggedMember m, string message) => new RuleViolation(id, true, m.MemberName, message);

    private static RuleViolation Warning(string id, TaggedMember m, string message) => new RuleViolation(id, false, m.MemberName, message);
}
