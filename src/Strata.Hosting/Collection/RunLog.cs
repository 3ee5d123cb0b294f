using System.Globalization;
using Strata.Core.Sources;

namespace Strata.Hosting.Collection;

/// <summary>
/// One line per source run (and other daemon events) to an optional console writer and to
/// <c>logs/strata.log</c> in the data directory, rotated at 5 MB keeping 5 old files. Thread-safe.
/// </summary>
public sealed class RunLog(string logDirectory, TimeProvider time, Action<string>? console = null)
{
    private const long RotateBytes = 5L * 1024 * 1024;
    private const int KeptFiles = 5;

    private readonly Lock _gate = new();

    public string FilePath => Path.Combine(logDirectory, "strata.log");

    public void SourceRun(Source source, SourceRunResult result, IReadOnlyList<string> problems)
    {
        var outcome = result.Error is null
            ? string.Create(CultureInfo.InvariantCulture, $"new {result.New}, updated {result.Updated}, unchanged {result.Unchanged}, failed {result.Failed}")
            : $"FAILED: {result.Error} (next try {source.NextRunAt?.ToLocalTime():yyyy-MM-dd HH:mm})";
        Write(string.Create(CultureInfo.InvariantCulture,
            $"source {source.Id} {source.Type.ToString().ToLowerInvariant()} \"{source.DisplayName}\": {outcome} in {result.Duration.TotalSeconds:0.0} s"));
        foreach (var problem in problems)
        {
            Write($"  {problem}");
        }
    }

    public void Write(string message)
    {
        var line = $"{time.GetUtcNow():yyyy-MM-dd'T'HH:mm:ss'Z'} {message}";
        console?.Invoke(line);
        lock (_gate)
        {
            try
            {
                Directory.CreateDirectory(logDirectory);
                RotateIfNeeded();
                File.AppendAllText(FilePath, line + "\n");
            }
            catch (IOException)
            {
                // Logging must never stop collection; the console line has been written.
            }
        }
    }

    private void RotateIfNeeded()
    {
        var current = new FileInfo(FilePath);
        if (!current.Exists || current.Length < RotateBytes)
        {
            return;
        }

        for (var index = KeptFiles - 1; index >= 1; index--)
        {
            var older = $"{FilePath}.{index}";
            if (File.Exists(older))
            {
                File.Move(older, $"{FilePath}.{index + 1}", overwrite: true);
            }
        }

        File.Move(FilePath, $"{FilePath}.1", overwrite: true);
    }
}
