using GoSmart.Privacy.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy;

/// <summary>Honours the Global Privacy Control signal (<c>Sec-GPC: 1</c>) of signed-in subjects and of visitors who are not signed in.</summary>
public static class GlobalPrivacyControlExtensions
{
    /// <summary>
    /// For a request whose browser sends <c>Sec-GPC: 1</c>, records an objection to every purpose configured as sale,
    /// sharing or targeted marketing: for a signed-in subject, once — while one of them is still allowed; for a
    /// visitor who is not signed in, against a device subject remembered by a cookie
    /// (<see cref="VisitorSubjects.PrivacySubject"/>), so the same request already sees it. When a visitor whose
    /// device recorded the signal signs in, the signal is carried over to their subject. Place it after
    /// authentication. Needs <c>AddConsentLedger()</c>.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseGlobalPrivacyControl(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            if (context.RequestServices.GetService<IConsentService>() is { } consent)
            {
                await HonourAsync(context, consent).ConfigureAwait(false);
            }

            await next(context).ConfigureAwait(false);
        });
    }

    /// <summary>Whether the request's browser sends the Global Privacy Control signal (<c>Sec-GPC: 1</c>).</summary>
    internal static bool Signals(HttpContext context) => context.Request.Headers["Sec-GPC"] == "1";

    private static async Task HonourAsync(HttpContext context, IConsentService consent)
    {
        var signal = Signals(context);
        var subject = SelfServiceHandlers.Subject(context);
        var visitor = VisitorSubjects.Visitor(context);
        if (subject is not null && visitor is not null)
        {
            // Signed in on a device whose visitor recorded the signal: the choice follows the person.
            if (await HasSignalAsync(consent, visitor, context.RequestAborted).ConfigureAwait(false))
            {
                await RecordAsync(context, consent, subject, "carried over from " + visitor.SubjectId + " at sign-in").ConfigureAwait(false);
            }

            VisitorSubjects.Forget(context);
        }

        if (!signal)
        {
            return;
        }

        if (subject is not null)
        {
            await RecordAsync(context, consent, subject, "Sec-GPC: 1 on " + context.Request.Path).ConfigureAwait(false);
        }
        else if (visitor is null)
        {
            var created = VisitorSubjects.Create(context);
            await consent.RecordGlobalPrivacyControlAsync(created, "Sec-GPC: 1 on " + context.Request.Path + " (a visitor, not signed in)", context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            await RecordAsync(context, consent, visitor, "Sec-GPC: 1 on " + context.Request.Path + " (a visitor, not signed in)").ConfigureAwait(false);
        }
    }

    /// <summary>Records the signal for <paramref name="subject"/> once: only while one of its purposes is still allowed.</summary>
    private static async Task RecordAsync(HttpContext context, IConsentService consent, SubjectRef subject, string source)
    {
        var purposes = context.RequestServices.GetRequiredService<IOptions<PrivacyOptions>>().Value.Consent.PurposesOf(subject.TenantId).Where(p => p.OptOutByGlobalPrivacyControl);
        if (purposes.Any(p => consent.HasConsent(subject, p.Key)))
        {
            await consent.RecordGlobalPrivacyControlAsync(subject, source, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task<bool> HasSignalAsync(IConsentService consent, SubjectRef visitor, CancellationToken cancellationToken)
    {
        await foreach (var e in consent.HistoryAsync(visitor, cancellationToken).ConfigureAwait(false))
        {
            if (e.Method == ConsentMethod.GlobalPrivacyControl)
            {
                return true;
            }
        }

        return false;
    }
}
