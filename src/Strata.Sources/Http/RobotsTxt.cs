using System.Globalization;

namespace Strata.Sources.Http;

/// <summary>
/// A parsed robots.txt (RFC 9309). Groups are chosen by the crawler's product token (case-insensitive; all groups naming
/// it are merged), else the <c>*</c> groups, else everything is allowed. Within the chosen rules the longest matching
/// pattern wins and <c>Allow</c> wins a tie; <c>/robots.txt</c> itself is always allowed. Unknown lines are ignored,
/// never an error. Immutable and thread-safe.
/// </summary>
public sealed class RobotsTxt
{
    private const string RobotsFilePath = "/robots.txt";
    private const string AnyAgent = "*";

    private readonly IReadOnlyList<Group> _groups;

    private RobotsTxt(IReadOnlyList<Group> groups, IReadOnlyList<string> sitemaps)
    {
        _groups = groups;
        Sitemaps = sitemaps;
    }

    /// <summary>A file with no rules: every path is allowed (what a missing robots.txt means).</summary>
    public static RobotsTxt AllowAll { get; } = new([], []);

    /// <summary>Everything but <c>/robots.txt</c> is disallowed (what an unreachable robots.txt means for now).</summary>
    public static RobotsTxt DisallowAll { get; } = Parse("User-agent: *\nDisallow: /");

    /// <summary>The <c>Sitemap</c> URLs the file lists, as written.</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    /// <summary>Parses <paramref name="text"/>; never throws for malformed content.</summary>
    public static RobotsTxt Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = new List<Group>();
        var sitemaps = new List<string>();
        Group? current = null;
        var inAgentLines = false;
        foreach (var rawLine in text.TrimStart('\uFEFF').Split(['\r', '\n']))
        {
            var hash = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = (hash < 0 ? rawLine : rawLine[..hash]).Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (current is null || !inAgentLines)
                    {
                        current = new Group();
                        groups.Add(current);
                    }

                    current.Agents.Add(ProductToken(value).ToLowerInvariant());
                    inAgentLines = true;
                    break;
                case "allow" or "disallow":
                    inAgentLines = false;
                    if (current is not null && value.Length > 0)
                    {
                        current.Rules.Add(new Rule(key == "allow", RobotsPatterns.Normalize(value, isPattern: true)));
                    }

                    break;
                case "crawl-delay":
                    inAgentLines = false;
                    if (current is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                        && seconds >= 0 && seconds <= TimeSpan.MaxValue.TotalSeconds)
                    {
                        current.CrawlDelay = TimeSpan.FromSeconds(seconds);
                    }

                    break;
                case "sitemap":
                    sitemaps.Add(value);
                    break;
            }
        }

        return new RobotsTxt(groups, sitemaps);
    }

    /// <summary>
    /// The product token of a <c>User-Agent</c>: its first word up to <c>/</c> (<c>Strata/0.1 (+https://…)</c> → <c>Strata</c>).
    /// </summary>
    public static string ProductToken(string userAgent)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        var trimmed = userAgent.Trim();
        var end = trimmed.AsSpan().IndexOfAny('/', ' ', '\t');
        return end < 0 ? trimmed : trimmed[..end];
    }

    /// <summary>
    /// True when <paramref name="path"/> (path and query of the URL, percent-encoded or not) may be fetched by
    /// <paramref name="userAgent"/> (a full <c>User-Agent</c> or just its product token).
    /// </summary>
    public bool IsAllowed(string path, string userAgent)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = RobotsPatterns.Normalize(path, isPattern: false);
        if (normalized == RobotsFilePath)
        {
            return true;
        }

        Rule? best = null;
        foreach (var group in GroupsFor(userAgent))
        {
            foreach (var rule in group.Rules)
            {
                var better = best is not { } b
                    || rule.Pattern.Length > b.Pattern.Length
                    || (rule.Pattern.Length == b.Pattern.Length && rule.Allow && !b.Allow);
                if (better && RobotsPatterns.Matches(normalized, rule.Pattern))
                {
                    best = rule;
                }
            }
        }

        return best is not { } winner || winner.Allow;
    }

    /// <summary>The non-standard <c>Crawl-delay</c> for <paramref name="userAgent"/>'s groups (the largest), or null.</summary>
    public TimeSpan? CrawlDelay(string userAgent) =>
        GroupsFor(userAgent).Select(g => g.CrawlDelay).Where(d => d is not null).DefaultIfEmpty(null).Max();

    private List<Group> GroupsFor(string userAgent)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        var token = ProductToken(userAgent).ToLowerInvariant();
        var named = _groups.Where(g => g.Agents.Contains(token)).ToList();
        return named.Count > 0 ? named : [.. _groups.Where(g => g.Agents.Contains(AnyAgent))];
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<Rule> Rules { get; } = [];

        public TimeSpan? CrawlDelay { get; set; }
    }

    private readonly record struct Rule(bool Allow, string Pattern);
}
