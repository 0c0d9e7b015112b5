namespace GoSmart.Privacy.Tests.Infrastructure;

/// <summary>Finds the repository from a test's output folder (CI builds map source paths away, so CallerFilePath cannot).</summary>
internal static class Repository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "GoSmart.Privacy.Sdk.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (GoSmart.Privacy.Sdk.sln) was not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
