using System.Reflection;

namespace GoSmart.Privacy;

/// <summary>A tagged type the host acknowledges as outside this service's erasure, with the reason.</summary>
/// <param name="TypeName">The type's full name, e.g. <c>GoSmart.Billing.Invoice</c>.</param>
/// <param name="Reason">Why its records are not erased here, e.g. "Erased by the billing service's own job after 6 years (tax law)".</param>
public sealed record OutOfScopeType(string TypeName, string Reason);
