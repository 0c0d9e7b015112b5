using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy;

/// <summary>Returned by <c>AddGoSmartPrivacy</c>: the place where a host adds handlers and stores.</summary>
public interface IPrivacyBuilder
{
    /// <summary>Gets the service collection the SDK registers into.</summary>
    IServiceCollection Services { get; }
}
