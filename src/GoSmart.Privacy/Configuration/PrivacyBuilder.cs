using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy;

/// <summary>The default <see cref="IPrivacyBuilder"/>.</summary>
internal sealed class PrivacyBuilder(IServiceCollection services) : IPrivacyBuilder
{
    public IServiceCollection Services { get; } = services;
}
