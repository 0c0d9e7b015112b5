using System.IO.Compression;
using System.Text.Json;

namespace GoSmart.Privacy.Tests.Requests;

/// <summary>Go Smart is processor for its customers' Subscribers: their packages name the customer as controller.</summary>
public sealed class ProcessorModeTests
{
    private static RequestTestHost Host() => new(configure: o =>
    {
        o.Disclosure.Controller = "Go Smart Group LLC, info@gosmartgroup.us";
        o.Disclosure.Purposes.Add(new(ProcessingPurposes.OperateService, "Operate and administer your account.", LegalBasis.Contract));
        var acme = new PrivacyDisclosure { Controller = "Acme Bakery Ltd, privacy@acme.example" };
        acme.Purposes.Add(new("orders", "Take and deliver your orders.", LegalBasis.Contract));
        acme.Retention.Add(new("Orders", "6 years (tax law)"));
        o.TenantDisclosures["acme"] = acme;
    });

    [Fact]
    public async Task A_subscribers_package_names_the_customer_as_controller_and_go_smart_as_processor()
    {
        await using var host = Host();
        var subscriber = new SubjectRef("acme", "sub-17", DataSubjectKind.Subscriber);
        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, subscriber));
        using var json = new MemoryStream();
        using var zip = new MemoryStream();

        await host.Service.WriteAccessPackageAsync(request.Id, json, AccessPackageFormat.Json);
        var second = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, subscriber));
        await host.Service.WriteAccessPackageAsync(second.Id, zip, AccessPackageFormat.Zip);

        var info = JsonDocument.Parse(json.ToArray()).RootElement.GetProperty("information");
        Assert.Equal("Acme Bakery Ltd, privacy@acme.example", info.GetProperty("controller").GetString());
        Assert.Equal("Go Smart Group LLC, info@gosmartgroup.us", info.GetProperty("processor").GetString());
        Assert.Equal("orders", info.GetProperty("purposes")[0].GetProperty("key").GetString());
        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        var readme = await new StreamReader(archive.GetEntry("README.html")!.Open()).ReadToEndAsync();
        Assert.Contains("Controller: Acme Bakery Ltd", readme, StringComparison.Ordinal);
        Assert.Contains("behalf by: Go Smart Group LLC", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Go_smarts_own_customer_gets_go_smart_as_controller()
    {
        await using var host = Host();
        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, new SubjectRef("acme", "owner", DataSubjectKind.Customer)));
        using var json = new MemoryStream();

        await host.Service.WriteAccessPackageAsync(request.Id, json, AccessPackageFormat.Json);

        var info = JsonDocument.Parse(json.ToArray()).RootElement.GetProperty("information");
        Assert.Equal("Go Smart Group LLC, info@gosmartgroup.us", info.GetProperty("controller").GetString());
        Assert.Equal(JsonValueKind.Null, info.GetProperty("processor").ValueKind);
    }

    [Fact]
    public async Task A_subscriber_request_for_a_tenant_without_a_disclosure_is_refused_and_nothing_is_stored()
    {
        await using var host = Host();

        var ex = await Assert.ThrowsAsync<PrivacyException>(() => host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("globex", "sub-1", DataSubjectKind.Subscriber))));

        Assert.Contains("TenantDisclosures[\"globex\"]", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Service.ListAsync(new PrivacyRequestQuery { TenantId = "globex" }).ToListAsync());
    }
}
