namespace GoSmart.Privacy.Tests.Requests;

/// <summary>How a request arrived decides who verifies the requester, and what evidence and date of receipt it keeps.</summary>
public class RequestChannelTests
{
    [Theory]
    [InlineData(RequestChannel.WebForm, null)]
    [InlineData(RequestChannel.Email, "e-mail of 1 Mar 2026 to privacy@acme.example")]
    [InlineData(RequestChannel.Phone, "call of 1 Mar 2026, note N-7")]
    public async Task Only_a_self_service_request_passes_the_hosts_verifier_others_wait_for_confirmation(RequestChannel channel, string? evidence)
    {
        await using var host = new RequestTestHost(); // AuthenticatedSubjectVerifier: every signed-in user's own request is verified
        var subject = new SubjectRef("acme", Guid.NewGuid().ToString());

        var waiting = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, subject) { Channel = channel, Evidence = evidence });
        var selfService = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, subject));

        Assert.Equal(PrivacyRequestStatus.AwaitingIdentityVerification, waiting.Status);
        Assert.Equal((channel, evidence), (waiting.Channel, waiting.Evidence));
        Assert.NotEqual(PrivacyRequestStatus.AwaitingIdentityVerification, selfService.Status);
        Assert.Equal(PrivacyRequestStatus.Completed, (await host.Service.ConfirmIdentityAsync(waiting.Id)).Status);
    }

    [Fact]
    public async Task A_request_recorded_by_hand_needs_evidence_and_a_date_of_receipt_that_is_not_ahead_or_too_far_back()
    {
        await using var host = new RequestTestHost();
        var subject = new SubjectRef("acme", "ada");
        var now = host.Time.GetUtcNow();

        var noEvidence = await Assert.ThrowsAsync<PrivacyException>(() => host.Service.SubmitAsync(new(PrivacyRequestKind.Access, subject) { Channel = RequestChannel.Letter }));
        var ahead = await Assert.ThrowsAsync<PrivacyException>(() => host.Service.SubmitAsync(new(PrivacyRequestKind.Access, subject) { Channel = RequestChannel.Letter, Evidence = "letter", ReceivedAt = now.AddHours(1) }));
        var old = await Assert.ThrowsAsync<PrivacyException>(() => host.Service.SubmitAsync(new(PrivacyRequestKind.Access, subject) { Channel = RequestChannel.Letter, Evidence = "letter", ReceivedAt = now.AddDays(-31) }));
        var badChannel = await Assert.ThrowsAsync<PrivacyException>(() => host.Service.SubmitAsync(new(PrivacyRequestKind.Access, subject) { Channel = (RequestChannel)42 }));
        var letter = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, subject) { Channel = RequestChannel.Letter, Evidence = "letter of 20 Feb", ReceivedAt = now.AddDays(-10) });

        Assert.Contains("needs its evidence", noEvidence.Message, StringComparison.Ordinal);
        Assert.Contains("after now", ahead.Message, StringComparison.Ordinal);
        Assert.Contains("more than 30 days ago", old.Message, StringComparison.Ordinal);
        Assert.Contains("not a request channel", badChannel.Message, StringComparison.Ordinal);
        Assert.Equal(now.AddDays(-10), letter.ReceivedAt);
        Assert.Equal(RequestDeadlines.DueAt(now.AddDays(-10)), letter.DueAt);
        Assert.Empty(await host.Service.ListAsync(new PrivacyRequestQuery { SubjectId = "ada", Status = PrivacyRequestStatus.Received }).ToListAsync()); // the refused ones left nothing
    }
}
