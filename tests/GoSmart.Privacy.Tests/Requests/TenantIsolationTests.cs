using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace GoSmart.Privacy.Tests.Requests;

/// <summary>A request for one tenant never touches another tenant's data, even when subject ids collide across tenants.</summary>
public class TenantIsolationTests
{
    private static readonly string[] Tenants = ["acme", "globex", "initech"];
    private static readonly Guid[] People = [Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.Parse("00000000-0000-0000-0000-000000000002"), Guid.Parse("00000000-0000-0000-0000-000000000003")];

    public static Arbitrary<(int Tenant, int Person)[]> Datasets() =>
        Gen.ArrayOf(Gen.Zip(Gen.Choose(0, Tenants.Length - 1), Gen.Choose(0, People.Length - 1))).ToArbitrary();

    [Property(MaxTest = 40, Arbitrary = [typeof(TenantIsolationTests)])]
    public async Task<bool> Erasure_for_one_tenant_changes_only_that_tenants_records_of_that_subject((int Tenant, int Person)[] rows, byte pick)
    {
        await using var host = new RequestTestHost();
        foreach (var (t, p) in rows)
        {
            host.Data.AddContact(Tenants[t], People[p], $"{Tenants[t]}-{p}", $"{p}@{Tenants[t]}.example");
        }

        var tenant = Tenants[pick % Tenants.Length];
        var person = People[pick / Tenants.Length % People.Length];
        await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef(tenant, person.ToString())));

        return host.Data.Contacts.All(r => r.TenantId == tenant && r.Value.Id == person
            ? r.Value.FirstName == "" && RedactionContext.IsPseudonym(r.Value.Email)
            : r.Value.FirstName == $"{r.TenantId}-{Array.IndexOf(People, r.Value.Id)}" && !RedactionContext.IsPseudonym(r.Value.Email));
    }

    [Property(MaxTest = 40, Arbitrary = [typeof(TenantIsolationTests)])]
    public async Task<bool> Access_for_one_tenant_exports_only_that_tenants_records_of_that_subject((int Tenant, int Person)[] rows, byte pick)
    {
        await using var host = new RequestTestHost();
        foreach (var (t, p) in rows)
        {
            host.Data.AddContact(Tenants[t], People[p], $"{Tenants[t]}-{p}", $"{p}@{Tenants[t]}.example");
        }

        var tenant = Tenants[pick % Tenants.Length];
        var person = People[pick / Tenants.Length % People.Length];
        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, new SubjectRef(tenant, person.ToString())));
        using var stream = new MemoryStream();
        await host.Service.WriteAccessPackageAsync(request.Id, stream, AccessPackageFormat.Json);

        using var doc = JsonDocument.Parse(stream.ToArray());
        var exported = doc.RootElement.GetProperty("data").GetProperty("crm.contacts").EnumerateArray().Select(c => c.GetProperty("firstName").GetString()).ToList();
        var expected = rows.Where(r => Tenants[r.Tenant] == tenant && People[r.Person] == person).Select(r => $"{tenant}-{r.Person}").ToList();
        return exported.SequenceEqual(expected);
    }
}
