using System.Text.Json;
using Strata.Testing.Files;
using Strata.Testing.Postgres;
using Xunit;

namespace Strata.Cli.Tests;

/// <summary>The CLI on a PostgreSQL base chosen by the environment: the same commands, the same answers.</summary>
public sealed class PostgresCliTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly TempDirectory _directory = new("strata-pg-cli");

    [Fact]
    public async Task AddSearchAndDoctor_OnPostgres_WorkAndDoctorNamesTheEngineAndVectorPath()
    {
        var environment = new Dictionary<string, string>
        {
            ["STRATA__STORE__PROVIDER"] = "postgres",
            ["STRATA_POSTGRES"] = await database.CreateSchemaAsync(),
            ["STRATA__STORE__BLOBPATH"] = _directory.Combine("shared-blobs"),
        };
        var data = _directory.Combine("data");
        _directory.Write("notes/tides.md", "# Tides\n\nThe tides follow the moon across the harbour.\n");
        _directory.Write("notes/知识.md", "# 知识库\n\n这是一个个人知识库。\n");

        var add = await CliProcess.RunWithEnvironmentAsync(data, environment, "add", _directory.Combine("notes"));
        var search = await CliProcess.RunWithEnvironmentAsync(data, environment, "search", "harbours", "--json");
        var cjk = await CliProcess.RunWithEnvironmentAsync(data, environment, "search", "知识库", "--json");
        var doctor = await CliProcess.RunWithEnvironmentAsync(data, environment, "doctor", "--json");

        Assert.True(add.ExitCode == 0, add.Error + add.Out);
        Assert.Contains("Tides", search.Out, StringComparison.Ordinal);
        Assert.Contains("知识库", cjk.Out, StringComparison.Ordinal);
        var report = JsonDocument.Parse(doctor.Out).RootElement;
        Assert.Equal("postgres", report.GetProperty("store").GetString());
        Assert.Equal("PostgreSQL full-text search", report.GetProperty("keywordSearch").GetString());
        Assert.StartsWith("exact scan in the application", report.GetProperty("vectorSearch").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, report.GetProperty("items").GetInt32());
        Assert.Equal(0, report.GetProperty("pendingJobs").GetInt32());
        Assert.NotEmpty(Directory.EnumerateFiles(_directory.Combine("shared-blobs"), "*", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(data, "strata.db")), "no SQLite file is created on the PostgreSQL engine");
    }

    [Fact]
    public async Task Doctor_OnSqlite_NamesTheEngine()
    {
        var doctor = await CliProcess.RunAsync(_directory.Combine("data"), "doctor", "--json");

        var report = JsonDocument.Parse(doctor.Out).RootElement;
        Assert.Equal("sqlite", report.GetProperty("store").GetString());
        Assert.EndsWith("strata.db", report.GetProperty("location").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("ranked index", report.GetProperty("keywordSearch").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_PostgresWithoutConnection_FailsWithOneClearLine()
    {
        var result = await CliProcess.RunWithEnvironmentAsync(_directory.Combine("data"), new Dictionary<string, string> { ["STRATA__STORE__PROVIDER"] = "postgres", ["STRATA_POSTGRES"] = "" }, "stats");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("STRATA__STORE__CONNECTIONSTRING", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
