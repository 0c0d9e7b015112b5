using GoSmart.Privacy.Requests.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Requests.Engine;

/// <summary>What a submission must carry, checked before anything is stored: a bad one is refused whole, with the fix.</summary>
internal sealed class SubmissionRules(IServiceScopeFactory scopes, Disclosures disclosures, RegisteredHandlers handlers, TimeProvider time)
{
    /// <summary>How far back a request recorded by hand may say it was received.</summary>
    public static readonly TimeSpan LongestBackdating = TimeSpan.FromDays(30);

    /// <summary>When a checked submission was received: its own time when it gives one, otherwise now.</summary>
    /// <param name="submission">A submission <see cref="Check"/> accepted.</param>
    /// <returns>The time of receipt.</returns>
    public DateTimeOffset ReceivedAt(PrivacyRequestSubmission submission) => submission.ReceivedAt ?? time.GetUtcNow();

    /// <summary>Checks a submission.</summary>
    /// <param name="submission">The submission.</param>
    /// <exception cref="PrivacyException">It breaks a rule; the message names it and the fix.</exception>
    public void Check(PrivacyRequestSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!Enum.IsDefined(submission.Kind))
        {
            throw new PrivacyException($"'{(int)submission.Kind}' is not a request kind. Use one of: {string.Join(", ", Enum.GetNames<PrivacyRequestKind>())}.");
        }

        if (submission.Subject is null)
        {
            throw new PrivacyException("The submission has no subject. Pass a SubjectRef with the tenant, the subject id and the kind of subject.");
        }

        disclosures.For(submission.Subject); // a Subscriber's request needs its customer's disclosure before it is accepted
        CheckChannel(submission);
        CheckCorrections(submission);
        CheckPurpose(submission);
        CheckDecisionReference(submission);
    }

    private void CheckChannel(PrivacyRequestSubmission submission)
    {
        if (!Enum.IsDefined(submission.Channel))
        {
            throw new PrivacyException($"'{(int)submission.Channel}' is not a request channel. Use one of: {string.Join(", ", Enum.GetNames<RequestChannel>())}.");
        }

        var byHand = submission.Channel is RequestChannel.Email or RequestChannel.Letter or RequestChannel.Phone or RequestChannel.InPerson;
        if (byHand && string.IsNullOrWhiteSpace(submission.Evidence))
        {
            throw new PrivacyException($"A request that arrived by {submission.Channel} needs its evidence: what shows it arrived and when, e.g. \"e-mail of 2 Dec 2026 to privacy@…, ref. 4411\". Set Evidence.");
        }

        if (submission.ReceivedAt is not { } received)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (received > now)
        {
            throw new PrivacyException($"The request says it was received at {received:u}, after now ({now:u}). Give the time it actually arrived, or leave ReceivedAt unset.");
        }

        if (now - received > LongestBackdating)
        {
            throw new PrivacyException($"The request says it was received at {received:u}, more than {LongestBackdating.TotalDays:0} days ago. Record requests as they arrive; an older one is handled by hand against its own deadline.");
        }
    }

    private void CheckCorrections(PrivacyRequestSubmission submission)
    {
        var corrections = submission.Corrections ?? [];
        if (submission.Kind == PrivacyRequestKind.Rectification)
        {
            using var scope = scopes.CreateScope();
            CorrectionRules.Check(corrections, RegisteredHandlers.Of<IRectificationHandler>(scope.ServiceProvider).SelectMany(h => h.Covers));
        }
        else if (corrections.Count > 0)
        {
            throw new PrivacyException($"A {submission.Kind} request carries corrections; only a Rectification request does. Submit the corrections as a Rectification.");
        }
    }

    private void CheckPurpose(PrivacyRequestSubmission submission)
    {
        if (submission.Kind != PrivacyRequestKind.Objection)
        {
            if (submission.Purpose is not null)
            {
                throw new PrivacyException($"A {submission.Kind} request carries a purpose; only an Objection does. Remove it, or submit an Objection.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(submission.Purpose))
        {
            throw new PrivacyException("An objection (Art. 21) names the purpose objected to. Pass a purpose key, e.g. ProcessingPurposes.MarketingCommunications.");
        }

        var declared = disclosures.DeclaredPurposes(submission.Subject.TenantId);
        if (!declared.Contains(submission.Purpose))
        {
            throw new PrivacyException($"'{submission.Purpose}' is not a declared purpose, so an objection to it would stop nothing. "
                + (declared.Count == 0 ? "No purpose is declared yet: declare" : $"Object to one of: {string.Join(", ", declared.Order(StringComparer.Ordinal))}; or declare")
                + " the purpose in PrivacyOptions.Consent.Purposes or PrivacyOptions.Disclosure.Purposes.");
        }
    }

    private void CheckDecisionReference(PrivacyRequestSubmission submission)
    {
        if (submission.Kind != PrivacyRequestKind.AutomatedDecisionReview)
        {
            if (submission.DecisionReference is not null)
            {
                throw new PrivacyException($"A {submission.Kind} request carries a decision reference; only an AutomatedDecisionReview does. Remove it, or submit an AutomatedDecisionReview.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(submission.DecisionReference))
        {
            throw new PrivacyException("A review of an automated decision (Art. 22) names the decision contested. Pass its DecisionReference, e.g. the id your system gave the decision ('credit-check/8842').");
        }

        if (!handlers.ReviewsDecisions)
        {
            throw new PrivacyException("No one reviews automated decisions here: register an IAutomatedDecisionReviewer with AddAutomatedDecisionReviewer<T>() that routes the review to a person, or do not offer Art. 22 reviews.");
        }
    }
}
