using System.Diagnostics;
using System.Text.Json;
using GoSmart.Privacy.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GoSmart.Privacy.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download), and axe-core — the npm package `.ci/run` installs;
/// when a plain `dotnet test` runs without it, npm installs it here first — injected into a page to check WCAG 2.2 AA.
/// </summary>
internal static class Chromium
{
    private static readonly SemaphoreSlim AxeInstall = new(1, 1);

    /// <summary>The browser's path, or skips the test (fails it under CI) when Chromium is missing.</summary>
    public static string Path()
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "Chromium is missing: install Debian's 'chromium' package.");
            Skip.If(true, "Chromium is not installed (apt-get install chromium); the browser test needs it.");
        }

        return chromium!;
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string path) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = path,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    /// <summary>axe-core's script: from `.ci/node_modules`, installed there by npm when missing.</summary>
    public static async Task<string> AxeAsync()
    {
        var root = Repository.Path(".ci");
        var script = System.IO.Path.Combine(root, "node_modules", "axe-core", "axe.min.js");
        await AxeInstall.WaitAsync();
        try
        {
            if (!File.Exists(script))
            {
                using var npm = Process.Start(new ProcessStartInfo("npm", ["install", "--prefix", root, "--no-save", "--no-audit", "--no-fund", "axe-core@4"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
                var errors = npm.StandardError.ReadToEndAsync();
                await npm.StandardOutput.ReadToEndAsync();
                await npm.WaitForExitAsync();
                Assert.True(File.Exists(script), "axe-core could not be installed with npm: " + await errors);
            }
        }
        finally
        {
            AxeInstall.Release();
        }

        return script;
    }

    /// <summary>Runs axe-core on the page for WCAG 2.0–2.2 A and AA and returns its violations, each with the elements at fault.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string axe)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });"
            + " return { passes: r.passes.length, violations: r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', ')) }; }");
        Assert.True(result.GetProperty("passes").GetInt32() > 10, "axe-core checked almost nothing: is the page empty?"); // the rules did run
        return [.. result.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!)];
    }
}
