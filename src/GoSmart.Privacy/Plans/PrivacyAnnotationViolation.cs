namespace GoSmart.Privacy;

/// <summary>One broken annotation rule, with the same id the analyzers report at compile time (see <c>docs/diagnostics.md</c>).</summary>
/// <param name="DiagnosticId">The stable id, e.g. <c>GSP004</c>.</param>
/// <param name="Type">The type that declares the member.</param>
/// <param name="MemberName">The member.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="IsError">Whether the plan cannot be built because of it.</param>
public sealed record PrivacyAnnotationViolation(string DiagnosticId, Type Type, string MemberName, string Message, bool IsError);
