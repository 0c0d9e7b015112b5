using System.Reflection;

namespace GoSmart.Privacy;

/// <summary>
/// Which tagged types erasure must reach. Every type with a <c>[DataSubjectId]</c> in the named assemblies (and the
/// entry assembly) is a root type, known at start-up; an erasure that leaves a root type without a covering handler
/// ends <see cref="PrivacyRequestStatus.Incomplete"/>, unless the host acknowledged the type as out of scope.
/// </summary>
public sealed class ErasureCoverageOptions
{
    /// <summary>Gets the assemblies whose tagged types erasure must reach, besides the entry assembly (add the assemblies that hold your entities).</summary>
    public IList<Assembly> Assemblies { get; } = [];

    /// <summary>Gets the types acknowledged as out of scope of this service's erasure, each with the reason the certificate states.</summary>
    public IList<OutOfScopeType> OutOfScope { get; } = [];
}
