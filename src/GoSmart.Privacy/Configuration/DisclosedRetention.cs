namespace GoSmart.Privacy;

/// <summary>How long data is kept (Art. 15(1)(d)).</summary>
/// <param name="Scope">What the period applies to, e.g. "CRM contacts" or a category key.</param>
/// <param name="Period">The period or the criteria that decide it.</param>
public sealed record DisclosedRetention(string Scope, string Period);
