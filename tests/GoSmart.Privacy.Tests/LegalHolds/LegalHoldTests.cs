using GoSmart.Privacy.Tests.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.LegalHolds;

/// <summary>
/// A legal hold keeps data despite erasure, reported under <see cref="ErasureExemption.LegalHold"/>, never silent; its
/// release runs again exactly the steps it blocked.
/// </summary>
public class LegalHoldTests
{
    private static readonly Guid Ada = new("0b9f3c55-5c39-4d07-9a0c-3a3f4b2f6d11");

    private static (RequestTestHost Host, ILegalHolds Holds) Start(TestData data)
    {
        var host = new RequestTestHost(data);
        return (host, host.Provider.GetRequiredService<ILegalHolds>());
    }

    private static TestData Seed()
    {
        var data = new TestData();
        data.AddContact("acme", Ada, "Ada", "ada@example.com");
        data.AddMessage("acme", Ada.ToString(), "hello from Ada");
        return data;
    }

    [Fact]
    public async Task A_subject_hold_keeps_every_area_reports_it_and_its_release_erases_exactly_what_it_blocked()
    {
        var data = Seed();
        var (host, holds) = Start(data);
        await using var _ = host;
        var hold = await holds.PlaceAsync(new(LegalHoldScope.Subject, Ada.ToString(), "litigation: contract dispute", "counsel@acme") { TenantId = "acme", Reference = "CASE-2026-114" });

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));

        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, request.Status);
        Assert.Equal("Ada", data.Contacts[0].Value.FirstName); // nothing of a held area is touched
        Assert.Equal("hello from Ada", data.Messages[0].Value.Text);
        Assert.False(data.Runs.ContainsKey("crm.contacts"));
        var certificate = await host.Service.GetErasureCertificateAsync(request.Id);
        Assert.All(certificate.Handlers, line =>
        {
            Assert.Equal([hold.Id], line.Result.HeldBy);
            Assert.Equal(new ExemptionCount(ErasureExemption.LegalHold, 1), Assert.Single(line.Result.Exemptions));
        });
        Assert.True(host.Service.VerifyCertificate(certificate));
        Assert.False(host.Service.VerifyCertificate(certificate with { Handlers = [.. certificate.Handlers.Select(l => l with { Result = l.Result with { HeldBy = null } })] }));

        var release = await holds.ReleaseAsync(hold.Id, "counsel@acme");

        Assert.Equal([request.Id], release.RequeuedRequests);
        Assert.False(release.Hold.IsActive);
        var done = await host.Service.GetAsync(request.Id);
        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, done!.Status); // the contact's company is kept for legal claims
        Assert.NotEqual("Ada", data.Contacts[0].Value.FirstName);
        Assert.NotEqual("hello from Ada", data.Messages[0].Value.Text);
        Assert.Equal(1, data.Runs["crm.contacts"]);
        var after = await host.Service.GetErasureCertificateAsync(request.Id);
        Assert.All(after.Handlers, line => Assert.False(line.Result.IsHeld));
        var events = await host.Audit.QueryAsync(hold.Id, default).ToListAsync();
        Assert.Equal(["hold.placed", "hold.released"], events.Select(e => e.Event));
        Assert.DoesNotContain(events, e => e.SubjectHash.Contains(Ada.ToString(), StringComparison.Ordinal) || (e.Outcome ?? string.Empty).Contains(Ada.ToString(), StringComparison.Ordinal));
        Assert.Contains((await host.Audit.QueryAsync(request.Id, default).ToListAsync()), e => e.Event == "hold.requeued");
    }

    [Fact]
    public async Task A_handler_or_category_hold_holds_only_its_areas_and_releasing_it_runs_only_those_steps()
    {
        var data = Seed();
        var (host, holds) = Start(data);
        await using var _ = host;
        var onChat = await holds.PlaceAsync(new(LegalHoldScope.Handler, "chat.messages", "regulator's inquiry", "dpo") { TenantId = "acme" });
        var onNames = await holds.PlaceAsync(new(LegalHoldScope.Category, DataCategories.FirstName, "fraud investigation", "dpo"));

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));
        var steps = (await host.Steps.GetStepsAsync(request.Id, default)).ToDictionary(s => s.Handler);

        Assert.Equal([onChat.Id], steps["chat.messages"].Result!.HeldBy);
        Assert.Equal([onNames.Id], steps["crm.contacts"].Result!.HeldBy); // a contact holds a first name

        await holds.ReleaseAsync(onChat.Id, "dpo");

        Assert.NotEqual("hello from Ada", data.Messages[0].Value.Text);
        Assert.Equal("Ada", data.Contacts[0].Value.FirstName); // still held by the category hold
        Assert.False(data.Runs.ContainsKey("crm.contacts"));
        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, (await host.Service.GetAsync(request.Id))!.Status);

        var second = await holds.ReleaseAsync(onNames.Id, "dpo");

        Assert.Equal([request.Id], second.RequeuedRequests);
        Assert.NotEqual("Ada", data.Contacts[0].Value.FirstName);
        Assert.Equal(1, data.Runs["chat.messages"]);
    }

    [Fact]
    public async Task Two_holds_on_one_step_keep_it_held_until_both_are_released()
    {
        var data = Seed();
        var (host, holds) = Start(data);
        await using var _ = host;
        var first = await holds.PlaceAsync(new(LegalHoldScope.Tenant, "acme", "authority's order", "dpo"));
        var second = await holds.PlaceAsync(new(LegalHoldScope.Subject, Ada.ToString(), "litigation", "counsel") { TenantId = "acme" });
        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));

        await holds.ReleaseAsync(first.Id, "dpo");

        var steps = await host.Steps.GetStepsAsync(request.Id, default);
        Assert.All(steps, s => Assert.Equal([second.Id], s.Result!.HeldBy));
        Assert.Equal("Ada", data.Contacts[0].Value.FirstName);

        await holds.ReleaseAsync(second.Id, "counsel");

        Assert.NotEqual("Ada", data.Contacts[0].Value.FirstName);
        Assert.All(await host.Steps.GetStepsAsync(request.Id, default), s => Assert.False(s.Result!.IsHeld));
    }

    [Fact]
    public async Task A_hold_in_another_tenant_holds_nothing_here()
    {
        var data = Seed();
        var (host, holds) = Start(data);
        await using var _ = host;
        await holds.PlaceAsync(new(LegalHoldScope.Subject, Ada.ToString(), "litigation", "counsel") { TenantId = "globex" });
        await holds.PlaceAsync(new(LegalHoldScope.Tenant, "globex", "authority's order", "dpo"));

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));

        Assert.All(await host.Steps.GetStepsAsync(request.Id, default), s => Assert.False(s.Result!.IsHeld));
        Assert.NotEqual("Ada", data.Contacts[0].Value.FirstName);
        Assert.Equal(2, (await holds.ListAsync()).Count);
        Assert.Empty(await holds.ListAsync("acme"));
    }

    [Fact]
    public async Task Bad_placements_and_releases_are_refused_with_the_fix_and_nothing_is_stored()
    {
        var (host, holds) = Start(Seed());
        await using var _ = host;

        var noTenant = await Assert.ThrowsAsync<PrivacyException>(() => holds.PlaceAsync(new(LegalHoldScope.Subject, "ada", "litigation", "counsel")));
        var typo = await Assert.ThrowsAsync<PrivacyException>(() => holds.PlaceAsync(new(LegalHoldScope.Category, "user.finacial", "litigation", "counsel")));
        var noReason = await Assert.ThrowsAsync<PrivacyException>(() => holds.PlaceAsync(new(LegalHoldScope.Handler, "crm.contacts", " ", "counsel")));
        var noScope = await Assert.ThrowsAsync<PrivacyException>(() => holds.PlaceAsync(new((LegalHoldScope)42, "x", "litigation", "counsel")));
        var unknown = await Assert.ThrowsAsync<PrivacyException>(() => holds.ReleaseAsync(Guid.NewGuid(), "counsel"));

        Assert.Contains("set TenantId", noTenant.Message, StringComparison.Ordinal);
        Assert.Contains("'user.finacial'", typo.Message, StringComparison.Ordinal);
        Assert.Contains("Reason", noReason.Message, StringComparison.Ordinal);
        Assert.Contains("not a LegalHoldScope", noScope.Message, StringComparison.Ordinal);
        Assert.Contains("There is no legal hold", unknown.Message, StringComparison.Ordinal);
        Assert.Empty(await holds.ListAsync(includeReleased: true));

        var hold = await holds.PlaceAsync(new(LegalHoldScope.Handler, "crm.contacts", "litigation", "counsel"));
        await holds.ReleaseAsync(hold.Id, "counsel");
        var twice = await Assert.ThrowsAsync<PrivacyException>(() => holds.ReleaseAsync(hold.Id, "someone else"));
        Assert.Contains("already released by counsel", twice.Message, StringComparison.Ordinal);
        Assert.Equal("counsel", (await holds.GetAsync(hold.Id))!.ReleasedBy);
    }
}
