using GoSmart.Privacy.Tests.Infrastructure;
using PublicApiGenerator;

namespace GoSmart.Privacy.Tests.PublicApi;

/// <summary>
/// The public API of each shipped assembly, rendered and compared with a checked-in file. A change fails
/// until <c>tests/GoSmart.Privacy.Tests/PublicApi/*.approved.txt</c> is updated in the same commit: run the
/// tests with <c>GOSMART_APPROVE_API=1</c> to rewrite them, then review the diff.
/// </summary>
public class PublicApiTests
{
    [Theory]
    [InlineData(typeof(PersonalFieldAttribute), "GoSmart.Privacy.Abstractions")]
    [InlineData(typeof(PersonalDataPlans), "GoSmart.Privacy")]
    [InlineData(typeof(GoSmart.Privacy.Sqlite.SqlitePrivacyDatabase), "GoSmart.Privacy.Sqlite")]
    [InlineData(typeof(GoSmart.Privacy.PostgreSql.PostgresPrivacyDatabase), "GoSmart.Privacy.PostgreSql")]
    [InlineData(typeof(GoSmart.Privacy.AspNetCore.PrivacyEndpointOptions), "GoSmart.Privacy.AspNetCore")]
    [InlineData(typeof(GoSmart.Privacy.EntityFrameworkCore.EntityErasureMode), "GoSmart.Privacy.EntityFrameworkCore")]
    [InlineData(typeof(GoSmart.Privacy.Text.PersonalDataScanner), "GoSmart.Privacy.Text")]
    public void The_public_api_is_the_approved_one(Type marker, string name)
    {
        var actual = marker.Assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"] }).ReplaceLineEndings("\n");
        var approvedPath = Repository.Path("tests", "GoSmart.Privacy.Tests", "PublicApi", $"{name}.approved.txt");
        if (Environment.GetEnvironmentVariable("GOSMART_APPROVE_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        Assert.True(File.Exists(approvedPath), $"{approvedPath} is missing: run the tests with GOSMART_APPROVE_API=1 and commit it.");
        var approved = File.ReadAllText(approvedPath).ReplaceLineEndings("\n");
        Assert.Equal(approved, actual);
    }
}
