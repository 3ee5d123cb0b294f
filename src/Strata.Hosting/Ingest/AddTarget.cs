namespace Strata.Hosting.Ingest;

/// <summary>One thing to add, resolved from a command-line argument.</summary>
public abstract record AddTarget(string Origin)
{
    public sealed record LocalFile(string Path) : AddTarget(Path);

    public sealed record WebPage(Uri Url) : AddTarget(Url.ToString());

    public sealed record Missing(string Path, string Message) : AddTarget(Path);

    /// <summary>Expands paths (folders recursively, skipping hidden entries) and recognises URLs.</summary>
    public static IEnumerable<AddTarget> Expand(string argument)
    {
        if (Uri.TryCreate(argument, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            yield return new WebPage(url);
            yield break;
        }

        var full = System.IO.Path.GetFullPath(argument);
        if (File.Exists(full))
        {
            yield return new LocalFile(full);
        }
        else if (Directory.Exists(full))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true };
            foreach (var file in Directory.EnumerateFiles(full, "*", options).Order(StringComparer.Ordinal))
            {
                // Hidden entries (dot files, .git) below the folder are skipped; the folder itself may sit anywhere.
                if (!System.IO.Path.GetRelativePath(full, file).Split(System.IO.Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                {
                    yield return new LocalFile(file);
                }
            }
        }
        else if (argument.Contains("://", StringComparison.Ordinal))
        {
            yield return new Missing(argument, "only http and https URLs can be added");
        }
        else
        {
            yield return new Missing(argument, "no such file or directory");
        }
    }
}
