using System.Diagnostics;

namespace Strata.Cli.Tests;

/// <summary>Runs the built <c>strata</c> CLI as a real child process against a given data directory.</summary>
public static class CliProcess
{
    /// <summary>The CLI's own build output (same configuration as the tests), with its deps file and samples.</summary>
    private static readonly string Entry = Path.Combine(
        Strata.Testing.Files.RepositoryPaths.Root, "src", "Strata.Cli", "bin",
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "strata.dll");

    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunWithInputAsync(string data, string? stdin, params string[] args)
    {
        using var process = Start(data, stdin is not null, args);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    public static Task<Result> RunAsync(string data, params string[] args) => RunWithInputAsync(data, null, args);

    /// <summary>Runs with extra environment variables (e.g. the PostgreSQL store settings).</summary>
    public static async Task<Result> RunWithEnvironmentAsync(string data, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(data, false, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the CLI without waiting (for kill tests); output is discarded.</summary>
    public static Process Start(string data, bool redirectInput, params string[] args) => Start(data, redirectInput, new Dictionary<string, string>(), args);

    /// <summary>Starts the CLI without waiting, with extra environment variables.</summary>
    public static Process Start(string data, bool redirectInput, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Entry);
        info.ArgumentList.Add("--data");
        info.ArgumentList.Add(data);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("STRATA_DATA");
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("cannot start the strata CLI");
    }
}
