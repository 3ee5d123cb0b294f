using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Strata.Sources.Extractors.Markdown;

/// <summary>The YAML front matter of a Markdown file, split from its body.</summary>
internal sealed record FrontMatter(IReadOnlyDictionary<string, YamlNode> Fields, string Body)
{
    private const string Fence = "---";

    /// <summary>
    /// Splits <paramref name="text"/> (LF line endings) into front matter and body. Returns null when
    /// the text has no closed front-matter block; throws <see cref="YamlException"/> or
    /// <see cref="FormatException"/> when the block is there but is not a YAML mapping.
    /// </summary>
    public static FrontMatter? TryParse(string text)
    {
        if (!text.StartsWith(Fence + "\n", StringComparison.Ordinal))
        {
            return null;
        }

        var end = FindClosingFence(text, Fence.Length + 1);
        if (end is null)
        {
            return null;
        }

        var (yamlEnd, bodyStart) = end.Value;
        var yaml = text[(Fence.Length + 1)..yamlEnd];
        var body = text[bodyStart..].TrimStart('\n');
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this for some malformed scalars instead of a YamlException.
            throw new FormatException("front matter is not valid YAML", ex);
        }

        if (stream.Documents.Count == 0)
        {
            return new FrontMatter(new Dictionary<string, YamlNode>(), body);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new FormatException("front matter is not a set of key: value pairs");
        }

        var fields = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                fields[name] = value;
            }
        }

        return new FrontMatter(fields, body);
    }

    /// <summary>A scalar field's text, or null when absent, empty or not a scalar.</summary>
    public string? Scalar(string key) =>
        Fields.TryGetValue(key, out var node) && node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    /// <summary>A field as a list: a YAML sequence, or a comma-separated scalar.</summary>
    public IReadOnlyList<string> List(string key)
    {
        if (!Fields.TryGetValue(key, out var node))
        {
            return [];
        }

        IEnumerable<string?> items = node switch
        {
            YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value),
            YamlScalarNode scalar => (scalar.Value ?? string.Empty).Split(','),
            _ => [],
        };
        return [.. items.Select(i => i?.Trim()).Where(i => !string.IsNullOrEmpty(i)).Distinct(StringComparer.OrdinalIgnoreCase)!];
    }

    /// <summary>A date field, read as UTC when it carries no offset.</summary>
    public DateTimeOffset? Date(string key) =>
        Scalar(key) is { } value
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;

    private static (int YamlEnd, int BodyStart)? FindClosingFence(string text, int from)
    {
        var position = from;
        while (position <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            var line = lineEnd < 0 ? text.AsSpan(position) : text.AsSpan(position, lineEnd - position);
            var trimmed = line.TrimEnd();
            if (trimmed.SequenceEqual(Fence) || trimmed.SequenceEqual("..."))
            {
                return (position, lineEnd < 0 ? text.Length : lineEnd + 1);
            }

            if (lineEnd < 0)
            {
                return null;
            }

            position = lineEnd + 1;
        }

        return null;
    }
}
