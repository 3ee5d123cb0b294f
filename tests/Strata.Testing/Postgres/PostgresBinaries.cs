namespace Strata.Testing.Postgres;

/// <summary>Finds PostgreSQL's server programs (<c>initdb</c>, <c>pg_ctl</c>): Debian keeps them out of PATH, per major version.</summary>
public static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The folder holding <c>initdb</c> and <c>pg_ctl</c>; throws with what to do when PostgreSQL is not installed.</summary>
    /// <exception cref="InvalidOperationException">No PostgreSQL server binaries were found.</exception>
    public static string FindBinDirectory()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("STRATA_PG_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        if (Directory.Exists(DebianRoot))
        {
            // The newest major version first: /usr/lib/postgresql/17/bin before 15/bin.
            candidates.AddRange(Directory.GetDirectories(DebianRoot)
                .OrderByDescending(path => int.TryParse(Path.GetFileName(path), out var major) ? major : 0)
                .Select(path => Path.Combine(path, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        foreach (var directory in candidates)
        {
            if (File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found in STRATA_PG_BIN, /usr/lib/postgresql/*/bin or PATH: " +
            "run ./test.sh, which installs Debian's postgresql package");
    }
}
