using System.Text.RegularExpressions;
using Strata.Core.Items;

namespace Strata.Core.Enrich.Rules;

/// <summary>A rule compiled for matching: regexes built once, with a time limit so a bad pattern cannot hang ingest.</summary>
public sealed class RuleMatcher
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);
    private readonly Regex? _url;
    private readonly Regex? _title;
    private readonly Regex? _text;

    public RuleMatcher(Rule rule)
    {
        Rule = rule;
        _url = rule.When.Url is null ? null : UrlPattern(rule.When.Url);
        _title = rule.When.Title is null ? null : Compile(rule.When.Title, "title");
        _text = rule.When.Text is null ? null : Compile(rule.When.Text, "text");
    }

    public Rule Rule { get; }

    public bool NeedsSources => Rule.When.Source is not null;

    /// <summary>Whether every condition holds for <paramref name="item"/> (<paramref name="sources"/>: ids and names of its sources).</summary>
    public bool Matches(Item item, IReadOnlyCollection<string> sources)
    {
        var when = Rule.When;
        if (when.Kind is { } kind && !string.Equals(item.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (when.Language is { } language && !string.Equals(item.Language, language, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (when.Domain is { } domain && !HostMatches(item.Url ?? item.CanonicalUrl, domain))
        {
            return false;
        }

        if (when.Source is { } source && !sources.Any(candidate =>
                candidate.Equals(source, StringComparison.OrdinalIgnoreCase)
                || (source.Length >= 6 && candidate.StartsWith(source, StringComparison.OrdinalIgnoreCase))))
        {
            return false;
        }

        try
        {
            return (_url is null || _url.IsMatch(item.Url ?? item.CanonicalUrl ?? item.SourcePath ?? string.Empty))
                && (_title is null || _title.IsMatch(item.Title ?? string.Empty))
                && (_text is null || _text.IsMatch(item.Text ?? string.Empty));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool HostMatches(string? url, string domain)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.Host.ToLowerInvariant();
        domain = domain.Trim().TrimStart('.').ToLowerInvariant();
        return host == domain || host.EndsWith("." + domain, StringComparison.Ordinal)
            || (host.StartsWith("www.", StringComparison.Ordinal) && host[4..] == domain);
    }

    private static Regex UrlPattern(string pattern)
    {
        if (pattern.Length > 2 && pattern.StartsWith('/') && pattern.EndsWith('/'))
        {
            return Compile(pattern[1..^1], "url");
        }

        // A glob: * matches anything; the pattern may match anywhere unless anchored by a scheme.
        var regex = Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal);
        return Compile(pattern.Contains("://", StringComparison.Ordinal) ? "^" + regex + "$" : regex, "url");
    }

    private static Regex Compile(string pattern, string field)
    {
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"the {field} pattern '{pattern}' is not a valid regular expression: {exception.Message}", exception);
        }
    }
}
