namespace GoSmart.Privacy;

/// <summary>The rights the Go Smart privacy policy promises (section 7), in its order, plus the right to complain.</summary>
public static class SubjectRights
{
    /// <summary>Gets every right.</summary>
    public static IReadOnlyList<SubjectRight> All { get; } =
    [
        new("13, 14", "To be informed", "You are told, when your data is collected, who processes it, why, on what legal basis, for how long and who receives it."),
        new("15", "Of access", "You can have a copy of your personal data and of the information in this package."),
        new("16", "To rectification", "You can have inaccurate data corrected and incomplete data completed."),
        new("17", "To erasure", "You can have your data erased when it is no longer needed, when you withdraw consent or object, or when it was processed unlawfully, unless the law requires or allows keeping it."),
        new("18", "To restriction of processing", "You can have your data stored but not otherwise used while its accuracy or the lawfulness of its processing is checked."),
        new("20", "To data portability", "You can receive the data you provided in a structured, commonly used, machine-readable format and have it sent to another controller."),
        new("21", "To object", "You can object to processing based on legitimate interests, and at any time to direct marketing."),
        new("22", "Not to be subject to solely automated decisions", "You will not be subject to a decision based solely on automated processing that produces legal or similarly significant effects for you."),
        new("7(3)", "To withdraw consent", "Where processing is based on consent, you can withdraw it at any time, as easily as you gave it."),
        new("77", "To lodge a complaint", "You can complain to a data protection supervisory authority, in particular in the member state where you live or work."),
    ];
}
