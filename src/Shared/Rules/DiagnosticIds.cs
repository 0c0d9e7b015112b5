namespace GoSmart.Privacy.Rules;

/// <summary>Stable identifiers shared by run-time violations and compile-time diagnostics (see <c>docs/diagnostics.md</c>).</summary>
internal static class DiagnosticIds
{
    public const string UntaggedPersonalData = "GSP001";
    public const string InvalidCategoryKey = "GSP002";
    public const string StrategyDoesNotFitType = "GSP003";
    public const string RetainWithoutExemption = "GSP004";
    public const string MultipleSubjectIds = "GSP005";
    public const string StrategyOnReadOnlyMember = "GSP006";
    public const string RootWithoutSubjectId = "GSP007";
    public const string UnsupportedMemberType = "GSP008";
    public const string UnsupportedSubjectIdType = "GSP009";
    public const string ExemptionWithoutRetain = "GSP010";
    public const string InvalidStrategyParameter = "GSP011";
    public const string TagOnNestedType = "GSP012";
    public const string ConflictingTags = "GSP013";
    public const string StructNotWritableBack = "GSP014";
    public const string StrategyOnKeyMember = "GSP015";
    public const string FreeTextNotText = "GSP016";
    public const string GeneratorFellBackToReflection = "GSP100";
}
