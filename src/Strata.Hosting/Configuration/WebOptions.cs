namespace Strata.Hosting.Configuration;

/// <summary>The web server (<c>strata serve</c>): where it listens and how it authenticates.</summary>
public sealed class WebOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Addresses to listen on; anything but loopback requires authentication.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>A PBKDF2 hash from <c>strata password --print</c>; when empty, the one set with <c>strata password</c> is used.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Require login even on loopback (e.g. on a shared machine).</summary>
    public bool RequireAuth { get; set; }

    /// <summary>Serve MCP at <c>/mcp</c> without the writing tools (add, tag).</summary>
    public bool McpReadOnly { get; set; }

    /// <summary>Largest file accepted by the upload form and API.</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>How long a login lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Never work the job queue in the web process (<c>strata serve --web-only</c>): items added through the UI or
    /// API are stored and queued for <c>strata worker</c> processes. For several stateless web servers on PostgreSQL.
    /// </summary>
    public bool WebOnly { get; set; }

    /// <summary>Also run a queue worker in the web process (<c>strata serve --with-worker</c>), like <c>strata worker</c> beside it.</summary>
    public bool WithWorker { get; set; }

    /// <summary>
    /// Searches worked at once (0: four per processor); the rest wait in arrival order. A guard against overload, not a
    /// scheduler: a search also waits for the disk, and one turn per processor cost 20-60 % of the throughput.
    /// </summary>
    public int SearchConcurrency { get; set; }

    /// <summary>Searches that may wait for a turn; beyond that the server answers 503 with <c>Retry-After</c>.</summary>
    public int SearchQueue { get; set; } = 1000;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (WebOnly && WithWorker)
        {
            errors.Add("Web.WebOnly and Web.WithWorker cannot both be true");
        }

        if (SearchConcurrency < 0 || SearchQueue < 0)
        {
            errors.Add("Web.SearchConcurrency and Web.SearchQueue cannot be negative");
        }

        return errors;
    }
}
