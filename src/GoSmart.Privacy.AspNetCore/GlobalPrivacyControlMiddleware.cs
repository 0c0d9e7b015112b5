using GoSmart.Privacy.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy;

/// <summary>Honours the Global Privacy Control signal (<c>Sec-GPC: 1</c>) of signed-in subjects.</summary>
public static class GlobalPrivacyControlExtensions
{
    /// <summary>
    /// For a signed-in subject whose browser sends <c>Sec-GPC: 1</c>, records an objection to every purpose configured
    /// as sale, sharing or targeted marketing — once: only while one of them is still allowed. Place it after
    /// authentication. Needs <c>AddConsentLedger()</c>.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseGlobalPrivacyControl(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            if (context.Request.Headers["Sec-GPC"] == "1" && SelfServiceHandlers.Subject(context) is { } subject
                && context.RequestServices.GetService<IConsentService>() is { } consent)
            {
                var purposes = context.RequestServices.GetRequiredService<IOptions<PrivacyOptions>>().Value.Consent.Purposes.Where(p => p.OptOutByGlobalPrivacyControl);
                if (purposes.Any(p => consent.HasConsent(subject, p.Key)))
                {
                    await consent.RecordGlobalPrivacyControlAsync(subject, "Sec-GPC: 1 on " + context.Request.Path, context.RequestAborted).ConfigureAwait(false);
                }
            }

            await next(context).ConfigureAwait(false);
        });
    }
}
