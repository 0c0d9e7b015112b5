using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GoSmart.Privacy.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL for the tests: the server named by <c>GOSMART_PRIVACY_TEST_POSTGRES</c> when set, otherwise a
/// throwaway server started from the installed binaries (initdb and pg_ctl, in a temporary directory, on a free
/// port of 127.0.0.1, as the <c>postgres</c> OS user when the tests run as root), stopped and deleted when the test
/// process exits. Each caller gets a fresh database.
/// </summary>
internal static class PostgresServer
{
    private static readonly Lazy<(string? AdminConnection, string? Unavailable)> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? _directory;
    private static string? _binaries;

    /// <summary>Creates a new, empty database and returns its connection string; skips the test (or fails it under CI) when no PostgreSQL can be had.</summary>
    public static string CreateDatabase()
    {
        var (admin, unavailable) = Server.Value;
        if (admin is null)
        {
            var reason = "No PostgreSQL for the tests: " + unavailable + " Install the 'postgresql' package or set GOSMART_PRIVACY_TEST_POSTGRES.";
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", reason); // under CI a missing database is a failure
            Skip.If(true, reason);
        }

        var name = "gosmart_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;
    }

    /// <summary>Dumps a database with <c>pg_dump</c> (plain SQL that drops and recreates its objects), as an operator's backup would.</summary>
    public static string Dump(string connectionString)
    {
        var file = Path.Combine(Path.GetTempPath(), $"gosmart-dump-{Guid.NewGuid():N}.sql");
        Run(Tool("pg_dump"), "--clean", "--if-exists", "--no-owner", "--file", file, "--dbname", Url(connectionString));
        return file;
    }

    /// <summary>Restores a <see cref="Dump"/> into the database with <c>psql</c>, as an operator's restore would.</summary>
    public static void Restore(string connectionString, string dump)
    {
        NpgsqlConnection.ClearAllPools();
        Run(Tool("psql"), "--quiet", "--set", "ON_ERROR_STOP=1", "--file", dump, "--dbname", Url(connectionString));
    }

    private static string Tool(string name) => _binaries is not null && File.Exists(Path.Combine(_binaries, name)) ? Path.Combine(_binaries, name) : name;

    private static string Url(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var password = string.IsNullOrEmpty(b.Password) ? string.Empty : ":" + Uri.EscapeDataString(b.Password);
        return $"postgresql://{Uri.EscapeDataString(b.Username ?? "postgres")}{password}@{b.Host}:{b.Port}/{b.Database}";
    }

    private static (string?, string?) Start()
    {
        var external = Environment.GetEnvironmentVariable("GOSMART_PRIVACY_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return (external, null);
        }

        _binaries = Binaries();
        if (_binaries is null)
        {
            return (null, "the PostgreSQL server binaries (initdb, pg_ctl) were not found.");
        }

        try
        {
            _directory = Directory.CreateTempSubdirectory("gosmart-pg-").FullName;
            var data = Path.Combine(_directory, "data");
            var port = FreePort();
            if (IsRoot())
            {
                Run("chown", "-R", "postgres:postgres", _directory);
            }

            AsPostgres(Path.Combine(_binaries, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
            AsPostgres(Path.Combine(_binaries, "pg_ctl"), "-D", data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
                "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {_directory} -c fsync=off -c synchronous_commit=off -c max_connections=300", "start");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
            return ($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", null);
        }
        catch (InvalidOperationException ex)
        {
            return (null, ex.Message);
        }
    }

    private static void Stop()
    {
        if (_directory is null || _binaries is null)
        {
            return;
        }

        try
        {
            AsPostgres(Path.Combine(_binaries, "pg_ctl"), "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal static string? Binaries()
    {
        try
        {
            var configured = Run("pg_config", "--bindir").Trim();
            if (File.Exists(Path.Combine(configured, "initdb")))
            {
                return configured;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
    }

    private static void AsPostgres(string program, params string[] arguments)
    {
        if (IsRoot())
        {
            Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        }
        else
        {
            Run(program, arguments);
        }
    }

    private static bool IsRoot() => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }

        return output.Result;
    }
}
