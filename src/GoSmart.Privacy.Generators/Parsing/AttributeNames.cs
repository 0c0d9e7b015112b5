namespace GoSmart.Privacy.Generators.Parsing;

/// <summary>Metadata names of the attributes the generator and analyzers look for.</summary>
internal static class AttributeNames
{
    public const string PersonalField = "GoSmart.Privacy.PersonalFieldAttribute";
    public const string SensitiveField = "GoSmart.Privacy.SensitiveFieldAttribute";
    public const string DataSubjectId = "GoSmart.Privacy.DataSubjectIdAttribute";
    public const string NotPersonalData = "GoSmart.Privacy.NotPersonalDataAttribute";
    public const string FreeText = "GoSmart.Privacy.FreeTextAttribute";
}
