using GoSmart.Crm.Sample;
using GoSmart.Privacy.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.Samples;

/// <summary>The CRM sample's database moves to PostgreSQL by one connection-string switch, and its generated handlers work there.</summary>
public sealed class SamplesOnPostgresTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("gosmart-crm-pg-").FullName;

    [SkippableFact]
    public async Task The_CRM_sample_on_PostgreSQL_erases_a_contact_and_the_portal_account()
    {
        var crmDatabase = PostgresServer.CreateDatabase();
        await using var app = CrmSampleApp.Create(["--GOSMART_CRM_DATABASE=" + crmDatabase], _data, Convert.ToBase64String(TestKeys.Key));
        await CrmSampleApp.SeedAsync(app.Services);
        var requests = app.Services.GetRequiredService<IPrivacyRequestService>();

        var erasure = await requests.SubmitAsync(new PrivacyRequestSubmission(PrivacyRequestKind.Erasure, new SubjectRef("acme", "ada")));

        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, erasure.Status);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        var contact = await db.Contacts.SingleAsync(c => c.TenantId == "acme" && c.Id == "ada");
        Assert.Equal(("", "Analytical Engines Ltd", 1299m), (contact.FullName, contact.Company, contact.Deals.Single().Amount));
        Assert.StartsWith("erased-", (await db.Users.SingleAsync(u => u.Id == "ada")).UserName, StringComparison.Ordinal);
        Assert.Equal("Ada (globex)", (await db.Contacts.SingleAsync(c => c.TenantId == "globex" && c.Id == "ada")).FullName);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
