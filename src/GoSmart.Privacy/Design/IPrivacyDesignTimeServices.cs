using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Design;

/// <summary>
/// Implemented by a public class of a host's assembly so that the <c>gosmart-privacy</c> tool and the build-time records
/// (<c>GoSmartPrivacyRecords</c>) configure the SDK exactly as the host does — purposes, handlers, retention rules —
/// without starting the host (as EF Core's <c>IDesignTimeDbContextFactory</c> does for migrations). Call the same
/// method your <c>Program</c> calls. The class needs a public parameterless constructor.
/// </summary>
public interface IPrivacyDesignTimeServices
{
    /// <summary>Adds the SDK (<c>AddGoSmartPrivacy</c>, its stores and handlers) to <paramref name="services"/>.</summary>
    /// <param name="services">The services the tool builds its provider from.</param>
    /// <param name="context">What the tool was given: the store's connection string, if any.</param>
    void ConfigureServices(IServiceCollection services, PrivacyDesignTimeContext context);
}
