using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace GoSmart.Privacy.Tests.Redaction;

/// <summary>The real <see cref="IdentityUser"/> (Microsoft.Extensions.Identity.Stores), with no tagging of ours.</summary>
public sealed class IdentityUserTests
{
    public static TheoryData<string> Plans => ["generated", "reflection"];

    /// <summary>A host's user type, as most apps have one: generated plan, Identity's inherited tags.</summary>
    public sealed class AppIdentityUser : IdentityUser
    {
        [PersonalData]
        public string? DisplayName { get; set; }
    }

    private static AppIdentityUser Ada()
    {
        var user = new AppIdentityUser { Id = "7c1f", UserName = "ada", Email = "ada@example.com", PhoneNumber = "+44 20 7946 0018", DisplayName = "Ada Lovelace", EmailConfirmed = true, PasswordHash = "AQAAAAEAACcQ" };
        user.NormalizedUserName = user.UserName.ToUpperInvariant();
        user.NormalizedEmail = user.Email.ToUpperInvariant();
        return user;
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void The_real_IdentityUser_exports_its_personal_data_and_not_its_secrets(string source)
    {
        var plan = source == "generated" ? PersonalDataPlans.For<AppIdentityUser>() : PersonalDataPlans.ForReflection<AppIdentityUser>();
        Assert.Equal(source == "generated" ? PlanSource.Generated : PlanSource.Reflection, plan.Source);

        using var doc = JsonDocument.Parse(Json.Export(Ada(), plan));

        Assert.Equal("Id", plan.SubjectIdPath);
        Assert.Equal("ada@example.com", doc.RootElement.GetProperty("email").GetString());
        Assert.Equal("ADA@EXAMPLE.COM", doc.RootElement.GetProperty("normalizedEmail").GetString());
        Assert.Equal("ada", doc.RootElement.GetProperty("userName").GetString());
        Assert.Equal("Ada Lovelace", doc.RootElement.GetProperty("displayName").GetString());
        Assert.False(doc.RootElement.TryGetProperty("passwordHash", out _));
        Assert.False(doc.RootElement.TryGetProperty("securityStamp", out _));
        Assert.False(doc.RootElement.TryGetProperty("concurrencyStamp", out _));
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Erasing_the_real_IdentityUser_leaves_no_lookup_copy_and_rotates_its_stamps(string source)
    {
        var plan = source == "generated" ? PersonalDataPlans.For<AppIdentityUser>() : PersonalDataPlans.ForReflection<AppIdentityUser>();
        var user = Ada();
        var (security, concurrency) = (user.SecurityStamp, user.ConcurrencyStamp);

        var report = plan.Redact(user, TestKeys.Context);

        Assert.Null(user.UserName);
        Assert.Null(user.NormalizedUserName);
        Assert.Null(user.Email);
        Assert.Null(user.NormalizedEmail);
        Assert.Null(user.PhoneNumber);
        Assert.Null(user.DisplayName);
        Assert.Equal("7c1f", user.Id);
        Assert.NotEqual(security, user.SecurityStamp);
        Assert.NotEqual(concurrency, user.ConcurrencyStamp);
        Assert.False(string.IsNullOrEmpty(user.SecurityStamp));
        Assert.Contains(report.Entries, e => e.Path == "NormalizedEmail" && e.Outcome == RedactionOutcome.Erased);
        Assert.Equal(0, report.NotWritableCount);
    }

    [Fact]
    public void The_plain_IdentityUser_gets_the_same_plan_by_reflection()
    {
        var plan = PersonalDataPlans.For<IdentityUser>();
        var user = new IdentityUser("grace") { Email = "grace@example.com", NormalizedEmail = "GRACE@EXAMPLE.COM", NormalizedUserName = "GRACE" };
        var stamp = user.SecurityStamp;

        plan.Redact(user, TestKeys.Context);

        Assert.Equal(PlanSource.Reflection, plan.Source); // a framework type: no generated plan, the same rules
        Assert.Null(user.NormalizedEmail);
        Assert.Null(user.NormalizedUserName);
        Assert.NotEqual(stamp, user.SecurityStamp);
    }
}
