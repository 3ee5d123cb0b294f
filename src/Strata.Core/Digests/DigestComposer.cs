namespace Strata.Core.Digests;

/// <summary>Composes a <see cref="Digest"/>: entries grouped by category (else top-level tag, else "Other"), plus ranked top stories. Pure.</summary>
public static class DigestComposer
{
    public const int OneLineChars = 200;
    public const string OtherGroup = "Other";

    public static Digest Compose(
        DateTimeOffset windowStart, DateTimeOffset windowEnd, string? tag, IReadOnlyList<DigestCandidate> candidates,
        IReadOnlyList<string> earlierTexts, IReadOnlyDictionary<string, double> interestTags, int topStories)
    {
        var scores = DigestRanker.Score(candidates, earlierTexts, interestTags, out var vectors);
        var entries = candidates.Select((candidate, index) => ToEntry(candidate, scores[index])).ToArray();
        var top = DigestRanker.TopStories(scores, vectors, topStories).Select(index => entries[index]).ToArray();
        var groups = candidates.Select((candidate, index) => (Group: GroupOf(candidate), Entry: entries[index]))
            .GroupBy(pair => pair.Group, StringComparer.OrdinalIgnoreCase)
            .Select(group => new DigestGroup(group.Key, group.Select(pair => pair.Entry).ToArray()))
            .OrderBy(group => group.Name == OtherGroup ? 1 : 0)
            .ThenByDescending(group => group.Entries.Count)
            .ThenBy(group => group.Name, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return new Digest(windowStart, windowEnd, tag, top, groups);
    }

    /// <summary>An entry for an item shown outside the window's ranking (a resurfaced one).</summary>
    public static DigestEntry Entry(DigestCandidate candidate) => ToEntry(candidate, (0, 0, 0));

    private static string GroupOf(DigestCandidate candidate) =>
        !string.IsNullOrWhiteSpace(candidate.Category) ? candidate.Category!
        : candidate.Item.Tags.Count > 0 ? candidate.Item.Tags[0].Split('/')[0]
        : OtherGroup;

    private static DigestEntry ToEntry(DigestCandidate candidate, (double Novelty, double Interest, double Score) score)
    {
        var item = candidate.Item;
        var source = item.SiteName
            ?? (item.Url is not null && Uri.TryCreate(item.Url, UriKind.Absolute, out var uri) ? uri.Host : null)
            ?? (item.SourcePath is not null ? Path.GetFileName(item.SourcePath) : null)
            ?? item.Kind.ToString().ToLowerInvariant();
        var oneLine = (candidate.Summary ?? string.Empty).ReplaceLineEndings(" ").Trim();
        if (oneLine.Length > OneLineChars)
        {
            oneLine = oneLine[..(OneLineChars - 1)].TrimEnd() + "…";
        }

        var link = item.Url ?? (item.SourcePath is not null ? new Uri(Path.GetFullPath(item.SourcePath)).AbsoluteUri : null);
        return new DigestEntry(item.Id, item.DisplayTitle, source, oneLine, link, item.Tags, score.Novelty, score.Interest, score.Score, item.Language);
    }
}
