using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GoSmart.Privacy.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.Samples;

/// <summary>
/// Each sample started exactly as the docs say (<c>dotnet run --project samples/…</c>: its own <c>Program</c>, no
/// test overrides of web root, content root or environment), then its pages fetched over HTTP as a person's
/// browser would. Only the listening address and the data folder come from the environment, so runs do not collide.
/// </summary>
[Collection(DotnetCliCollection.Name)]
public sealed class SamplesAsDocumentedTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("gosmart-sample-run-").FullName;

    [Fact]
    public async Task The_CRM_sample_signs_a_person_in_and_serves_the_privacy_center()
    {
        var (url, process) = await StartAsync("samples/GoSmart.Crm.Sample");
        using (process)
        {
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url) };

            var center = await http.GetAsync("/sign-in?tenant=acme&subject=ada");
            var page = await center.Content.ReadAsStringAsync();
            Assert.True(center.StatusCode == HttpStatusCode.OK, $"{center.StatusCode} for {center.RequestMessage!.RequestUri}");
            Assert.EndsWith("/privacy/center/overview", center.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
            Assert.Contains("Signed in as ada.", page, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/privacy/center/assets/privacy-center.css")).StatusCode); // from the package, wherever the app runs
            var consents = await http.GetStringAsync("/privacy/me/consents");
            Assert.Contains("marketing.communications.email", consents, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_Chat_sample_answers_on_its_root()
    {
        var (url, process) = await StartAsync("samples/GoSmart.Chat.Sample");
        using (process)
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            Assert.Contains("Go Smart Chat sample", await http.GetStringAsync("/"), StringComparison.Ordinal);
            Assert.Contains("Go Smart Chat privacy center", await http.GetStringAsync("/privacy/center/notice"), StringComparison.Ordinal); // the same center, one line
            Assert.Contains("There is nothing to choose here.", await http.GetStringAsync("/privacy/center/consents"), StringComparison.Ordinal); // no consent ledger in the chat
            var warned = await (await http.PostAsync("/messages/check", new StringContent("""{ "text": "I'm on chemo this week, call Ada on 020 7946 0018", "participants": ["Ada Lovelace"], "region": "GB" }""", System.Text.Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();
            Assert.Contains("\"warn\":true", warned, StringComparison.Ordinal);
            Assert.Contains("health information", warned, StringComparison.Ordinal);
            Assert.Contains("\"type\":\"Phone\"", warned, StringComparison.Ordinal);
            Assert.Contains("\"type\":\"Participant\"", warned, StringComparison.Ordinal);
            var clean = await (await http.PostAsync("/messages/check", new StringContent("""{ "text": "see you at 10" }""", System.Text.Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();
            Assert.Contains("\"warn\":false", clean, StringComparison.Ordinal);
            Assert.Equal("Healthy", await http.GetStringAsync("/health")); // no request is overdue
        }
    }

    [Fact]
    public async Task The_samples_export_the_sdks_metrics_and_traces_to_the_console_only_behind_their_switch()
    {
        var key = Convert.ToBase64String(TestKeys.Key);
        await using var off = GoSmart.Chat.Sample.ChatSampleApp.Create([], Path.Combine(_data, "off"), key);
        await using var on = GoSmart.Chat.Sample.ChatSampleApp.Create(["--GOSMART_OTEL_CONSOLE=true"], Path.Combine(_data, "on"), key);

        Assert.Null(off.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        Assert.NotNull(on.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        Assert.NotNull(on.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private async Task<(string Url, SampleProcess Process)> StartAsync(string project)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "run", "--project", project })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["GOSMART_CRM_DATA"] = _data;
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT"); // as a person runs it: no Development static-asset mapping
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        var process = new SampleProcess(Process.Start(start)!);
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{project} exited with {process.ExitCode}:\n{process.Log}");
            }

            try
            {
                await http.GetAsync(url + "/");
                return (url, process);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A running sample, killed with its process tree when disposed.</summary>
    private sealed class SampleProcess : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _log = new();

        public SampleProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public bool HasExited => _process.HasExited;

        public int ExitCode => _process.ExitCode;

        public string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
