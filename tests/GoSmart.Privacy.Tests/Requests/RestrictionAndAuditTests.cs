namespace GoSmart.Privacy.Tests.Requests;

public class RestrictionAndAuditTests
{
    [Fact]
    public async Task Restriction_lift_and_objections_are_answered_on_the_hot_path()
    {
        await using var host = new RequestTestHost(configure: o => o.Disclosure.Purposes.Add(new(ProcessingPurposes.MarketingCommunications, "E-mails about Go Smart products.", LegalBasis.LegitimateInterests)));
        var ada = new SubjectRef("acme", "ada");
        var sameIdOtherTenant = new SubjectRef("globex", "ada");

        Assert.False(host.Restrictions.IsRestricted(ada));
        var restricted = await host.Service.SubmitAsync(new(PrivacyRequestKind.Restriction, ada) { Reason = "I dispute the accuracy of my address." });
        Assert.Equal(PrivacyRequestStatus.Completed, restricted.Status);
        Assert.True(host.Restrictions.IsRestricted(ada));
        Assert.False(host.Restrictions.IsRestricted(sameIdOtherTenant));

        await host.Service.SubmitAsync(new(PrivacyRequestKind.LiftRestriction, ada));
        Assert.False(host.Restrictions.IsRestricted(ada));

        await host.Service.SubmitAsync(new(PrivacyRequestKind.Objection, ada) { Purpose = ProcessingPurposes.MarketingCommunications });
        Assert.True(host.Restrictions.HasObjected(ada, ProcessingPurposes.MarketingCommunications));
        Assert.False(host.Restrictions.HasObjected(ada, ProcessingPurposes.Events));
        Assert.False(host.Restrictions.HasObjected(sameIdOtherTenant, ProcessingPurposes.MarketingCommunications));
    }

    [Fact]
    public async Task An_objection_to_a_purpose_nobody_declared_is_refused_with_the_declared_ones()
    {
        await using var host = new RequestTestHost(configure: o => o.Consent.Purposes.Add(new ConsentPurpose("marketing.communications.email", "E-mails.", LegalBasis.Consent)));
        var ada = new SubjectRef("acme", "ada");

        var ex = await Assert.ThrowsAsync<PrivacyException>(() => host.Service.SubmitAsync(new(PrivacyRequestKind.Objection, ada) { Purpose = "marketing.comunications" }));

        Assert.Contains("'marketing.comunications' is not a declared purpose", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Object to one of: marketing.communications.email;", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Service.ListAsync(new PrivacyRequestQuery { TenantId = "acme" }).ToListAsync());
        Assert.False(host.Restrictions.HasObjected(ada, "marketing.comunications"));
    }

    [Fact]
    public async Task A_restriction_survives_a_restart_through_its_store()
    {
        var store = new InMemoryRestrictionStore();
        var ada = new SubjectRef("acme", "ada");
        await using (var first = new RequestTestHost(restrictions: store))
        {
            await first.Service.SubmitAsync(new(PrivacyRequestKind.Restriction, ada));
        }

        await using var second = new RequestTestHost(restrictions: store);
        Assert.True(second.Restrictions.IsRestricted(ada));
    }

    [Fact]
    public async Task Every_state_change_and_handler_outcome_is_audited_without_the_raw_subject_id()
    {
        await using var host = new RequestTestHost(verifier: new ManualIdentityVerifier());
        var subjectId = "ada.lovelace@example.com";
        host.Data.AddMessage("acme", subjectId, "hello");
        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", subjectId)));
        await host.Service.ConfirmIdentityAsync(request.Id);

        var events = await host.Audit.QueryAsync(request.Id, default).ToListAsync();

        Assert.Equal(["received", "identity.awaiting", "identity.pending", "identity.confirmed"], events.Take(4).Select(e => e.Event));
        Assert.Contains(events, e => e.Event == "step.completed" && e.Handler == "chat.messages" && e.Count > 0);
        Assert.Equal("completed", events[^1].Event);
        Assert.All(events, e =>
        {
            Assert.DoesNotContain(subjectId, e.ToString(), StringComparison.Ordinal);
            Assert.True(RedactionContext.IsPseudonym(e.SubjectHash));
            Assert.Equal("acme", e.TenantId);
        });
        Assert.Single(events.Select(e => e.SubjectHash).Distinct());
    }
}
