namespace Strata.Hosting.Configuration;

/// <summary>Where a knowledge base lives on disk, and the names of what is inside it.</summary>
public sealed class DataDirectory(string root)
{
    public const string EnvironmentVariable = "STRATA_DATA";
    public const string ConfigFileName = "strata.json";

    public string Root { get; } = Path.GetFullPath(root);

    public string DatabasePath => Path.Combine(Root, "strata.db");

    public string BlobsPath => Path.Combine(Root, "blobs");

    public string ConfigPath => Path.Combine(Root, ConfigFileName);

    public string QueueLockPath => Path.Combine(Root, "queue.lock");

    public string LogsPath => Path.Combine(Root, "logs");

    /// <summary>Scratch files a process may rebuild at any time (the float32 rows int8 search rescores from).</summary>
    public string CachePath => Path.Combine(Root, "cache");

    /// <summary>The <c>--data</c> value, else <c>STRATA_DATA</c>, else <c>$XDG_DATA_HOME/strata</c> or <c>~/.local/share/strata</c>.</summary>
    public static DataDirectory Resolve(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return new DataDirectory(explicitPath);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new DataDirectory(fromEnvironment);
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var baseDirectory = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg;
        return new DataDirectory(Path.Combine(baseDirectory, "strata"));
    }
}
