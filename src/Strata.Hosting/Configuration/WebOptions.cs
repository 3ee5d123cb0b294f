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

    public IReadOnlyList<string> Validate() =>
        WebOnly && WithWorker ? ["Web.WebOnly and Web.WithWorker cannot both be true"] : [];
}
