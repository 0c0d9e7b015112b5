using GoSmart.Privacy.Rules;
using Microsoft.CodeAnalysis;

namespace GoSmart.Privacy.Generators.Diagnostics;

/// <summary>The diagnostics of GoSmart.Privacy. Ids are stable; messages come from the shared rules, so they match the run-time exceptions.</summary>
internal static class Descriptors
{
    private const string Category = "GoSmart.Privacy";
    private const string HelpBase = "https://github.com/gosmart/privacy-sdk/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor UntaggedPersonalData = Warning(DiagnosticIds.UntaggedPersonalData, "Member looks like personal data but is not tagged");
    public static readonly DiagnosticDescriptor InvalidCategoryKey = Error(DiagnosticIds.InvalidCategoryKey, "Invalid data-category key");
    public static readonly DiagnosticDescriptor StrategyDoesNotFitType = Error(DiagnosticIds.StrategyDoesNotFitType, "Erasure strategy does not fit the member's type");
    public static readonly DiagnosticDescriptor RetainWithoutExemption = Error(DiagnosticIds.RetainWithoutExemption, "Retain without an exemption");
    public static readonly DiagnosticDescriptor MultipleSubjectIds = Error(DiagnosticIds.MultipleSubjectIds, "More than one [DataSubjectId]");
    public static readonly DiagnosticDescriptor StrategyOnReadOnlyMember = Warning(DiagnosticIds.StrategyOnReadOnlyMember, "Erasure strategy on a member that cannot be written");
    public static readonly DiagnosticDescriptor StructNotWritableBack = Warning(DiagnosticIds.StructNotWritableBack, "A struct of personal data that cannot be written back");

    public static readonly DiagnosticDescriptor StrategyOnKeyMember = Warning(DiagnosticIds.StrategyOnKeyMember, "An erasure strategy on a member of the primary key");
    public static readonly DiagnosticDescriptor FreeTextNotText = Error(DiagnosticIds.FreeTextNotText, "[FreeText] on a member that is not a tagged string");
    public static readonly DiagnosticDescriptor RootWithoutSubjectId = new(
        DiagnosticIds.RootWithoutSubjectId, "Root entity type without a [DataSubjectId]", "{0}", Category, DiagnosticSeverity.Warning, true,
        helpLinkUri: HelpBase + DiagnosticIds.RootWithoutSubjectId.ToLowerInvariant(), customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Error(DiagnosticIds.UnsupportedMemberType, "Tagged member of an unsupported type");
    public static readonly DiagnosticDescriptor UnsupportedSubjectIdType = Error(DiagnosticIds.UnsupportedSubjectIdType, "[DataSubjectId] of an unsupported type");
    public static readonly DiagnosticDescriptor ExemptionWithoutRetain = Error(DiagnosticIds.ExemptionWithoutRetain, "Exemption without Retain");
    public static readonly DiagnosticDescriptor InvalidStrategyParameter = Error(DiagnosticIds.InvalidStrategyParameter, "Invalid VisibleCharacters or BucketSize");
    public static readonly DiagnosticDescriptor TagOnNestedType = Error(DiagnosticIds.TagOnNestedType, "Tag on a member whose type holds tagged members");
    public static readonly DiagnosticDescriptor ConflictingTags = Error(DiagnosticIds.ConflictingTags, "More than one of the SDK's tags on one member");

    public static readonly DiagnosticDescriptor GeneratorFellBackToReflection = new(
        DiagnosticIds.GeneratorFellBackToReflection, "Type gets a reflection plan, not a generated one", "{0}", Category, DiagnosticSeverity.Info, true,
        helpLinkUri: HelpBase + DiagnosticIds.GeneratorFellBackToReflection.ToLowerInvariant());

    public static readonly DiagnosticDescriptor[] RuleDescriptors =
    {
        InvalidCategoryKey, StrategyDoesNotFitType, RetainWithoutExemption, MultipleSubjectIds, StrategyOnReadOnlyMember,
        UnsupportedMemberType, UnsupportedSubjectIdType, ExemptionWithoutRetain, InvalidStrategyParameter, TagOnNestedType, ConflictingTags,
        StructNotWritableBack,
        StrategyOnKeyMember,
        FreeTextNotText,
    };

    public static DiagnosticDescriptor ForRule(string id)
    {
        foreach (var d in RuleDescriptors)
        {
            if (d.Id == id)
            {
                return d;
            }
        }

        throw new ArgumentException("No descriptor for " + id, nameof(id));
    }

    private static DiagnosticDescriptor Error(string id, string title) =>
        new(id, title, "{0}", Category, DiagnosticSeverity.Error, true, helpLinkUri: HelpBase + id.ToLowerInvariant());

    private static DiagnosticDescriptor Warning(string id, string title) =>
        new(id, title, "{0}", Category, DiagnosticSeverity.Warning, true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
