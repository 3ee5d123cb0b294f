using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Strata.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on 127.0.0.1 at a free
/// port (its unix socket stays in the same folder), stopped and deleted on dispose. Under root (initdb refuses it)
/// the server runs as the <c>postgres</c> user. <see cref="AcquireAsync"/> shares one between the test classes running at once.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string Superuser = "strata";

    private static readonly SemaphoreSlim SharedGate = new(1, 1);
    private static PostgresCluster? _shared;
    private static int _users;

    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgresUser;

    private PostgresCluster(string bin, string root, int port, bool asPostgresUser)
    {
        _bin = bin;
        _root = root;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    private string DataPath => Path.Combine(_root, "data");

    /// <summary>
    /// The cluster this test process shares, started by the first user; pair every call with <see cref="ReleaseAsync"/>.
    /// The last user to release stops and deletes it (a later user starts a new one).
    /// </summary>
    public static async Task<PostgresCluster> AcquireAsync()
    {
        await SharedGate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                RemoveAbandoned();
                _shared = await StartAsync();
            }

            _users++;
            return _shared;
        }
        finally
        {
            SharedGate.Release();
        }
    }

    public static async Task ReleaseAsync()
    {
        await SharedGate.WaitAsync();
        try
        {
            if (--_users == 0 && _shared is not null)
            {
                await _shared.DisposeAsync();
                _shared = null;
            }
        }
        finally
        {
            SharedGate.Release();
        }
    }

    /// <summary>A connection string to <paramref name="database"/> as the cluster's superuser.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        Pooling = true,
        Timeout = 30,
    }.ToString();

    /// <summary>Creates an empty database with a fresh name and returns that name.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"strata_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", cancellationToken);
        return name;
    }

    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", cancellationToken);
    }

    /// <param name="durable">Keep fsync and synchronous commit on (benchmarks); tests turn them off.</param>
    /// <param name="cancellationToken">Stops waiting for the server tools.</param>
    /// <param name="serverSettings">More <c>-c name=value</c> server settings (benchmarks: <c>shared_buffers</c>).</param>
    public static async Task<PostgresCluster> StartAsync(bool durable = false, CancellationToken cancellationToken = default, string? serverSettings = null)
    {
        var bin = PostgresBinaries.FindBinDirectory();
        var root = Path.Combine(Path.GetTempPath(), $"strata-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var asPostgresUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        if (asPostgresUser)
        {
            await RunAsync("chown", ["postgres:postgres", root], cancellationToken);
        }

        var cluster = new PostgresCluster(bin, root, FreePort(), asPostgresUser);
        try
        {
            await cluster.RunServerToolAsync("initdb", ["-D", cluster.DataPath, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], cancellationToken);
            // Durability off for tests: a test cluster is thrown away, and fsync would dominate the test time.
            var durability = durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            var options = $"-p {cluster.Port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200{durability} {serverSettings}";
            await cluster.RunServerToolAsync("pg_ctl", ["-D", cluster.DataPath, "-l", Path.Combine(root, "server.log"), "-o", options, "-w", "-t", "60", "start"], cancellationToken);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataPath, "postmaster.pid")))
        {
            try
            {
                await RunServerToolAsync("pg_ctl", ["-D", DataPath, "-m", "immediate", "-w", "stop"], CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // Already stopped: the folder goes anyway.
            }
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The next test run removes abandoned clusters.
        }
    }

    /// <summary>
    /// Deletes clusters a killed test run left behind: folders over an hour old whose server is not running (a
    /// cluster another test process is starting or using is younger, or has a live postmaster).
    /// </summary>
    private static void RemoveAbandoned()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "strata-pg-*"))
        {
            var pidFile = Path.Combine(folder, "data", "postmaster.pid");
            if (Directory.GetCreationTimeUtc(folder) > TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1) || IsRunning(pidFile))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Someone else's; left alone.
            }
        }
    }

    private static bool IsRunning(string pidFile)
    {
        try
        {
            var first = File.ReadLines(pidFile).FirstOrDefault();
            if (!int.TryParse(first, out var pid))
            {
                return false;
            }

            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task RunServerToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        _asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments], cancellationToken)
            : RunAsync(Path.Combine(_bin, tool), arguments, cancellationToken);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
