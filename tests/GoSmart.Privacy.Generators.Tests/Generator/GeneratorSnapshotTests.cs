namespace GoSmart.Privacy.Generators.Tests.Generator;

/// <summary>
/// The generated code of a small contact is checked in (Snapshots/*.g.cs.txt), so every change to what the
/// generator writes is reviewed as a diff. Run with <c>GOSMART_APPROVE_SNAPSHOTS=1</c> to rewrite the files.
/// </summary>
public class GeneratorSnapshotTests
{
    [Fact]
    public void The_generated_code_is_the_approved_code()
    {
        var (output, diagnostics, run) = GeneratorHarness.Generate(GeneratorHarness.Source("SnapshotContact.cs"));
        Assert.Empty(diagnostics);
        GeneratorHarness.Load(output); // compiles and loads cleanly

        foreach (var source in run.Results.Single().GeneratedSources)
        {
            var text = source.SourceText.ToString();
            var approvedPath = Path.Combine(SourceDirectory(), "Snapshots", source.HintName + ".txt");
            if (Environment.GetEnvironmentVariable("GOSMART_APPROVE_SNAPSHOTS") == "1")
            {
                File.WriteAllText(approvedPath, text);
            }

            Assert.True(File.Exists(approvedPath), $"{approvedPath} is missing: run the tests with GOSMART_APPROVE_SNAPSHOTS=1 and commit it.");
            Assert.Equal(File.ReadAllText(approvedPath), text);
        }

        Assert.Equal(
            ["GoSmartPrivacyPlans.g.cs", "Host_Snapshot_Contact_Plan.g.cs", "Host_Snapshot_Phone_Plan.g.cs"],
            run.Results.Single().GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    private static string SourceDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GoSmart.Privacy.Sdk.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "GoSmart.Privacy.Generators.Tests");
            }
        }

        throw new InvalidOperationException("The repository root (GoSmart.Privacy.Sdk.sln) was not found above " + AppContext.BaseDirectory);
    }
}
