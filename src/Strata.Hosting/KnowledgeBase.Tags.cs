using Strata.Core.Items;
using Strata.Core.Storage;

namespace Strata.Hosting;

/// <summary>Two tags that look like one: similar spelling or mostly the same items.</summary>
public sealed record MergeSuggestion(string From, string Into, string Reason);

public sealed partial class KnowledgeBase
{
    public Task<IReadOnlyList<TagCount>> ListTagsAsync(CancellationToken cancellationToken) => _classificationStore.ListTagCountsAsync(cancellationToken);

    /// <summary>Renames a tag (and its children) on every item, then re-indexes them.</summary>
    public async Task<int> RenameTagAsync(string from, string to, CancellationToken cancellationToken)
    {
        if (ItemTag.Normalize(to).Length == 0)
        {
            throw new ArgumentException("the new tag name is empty");
        }

        // Rules that add the old name must add the new one, or the next pass would bring the old name back.
        var (oldName, newName) = (ItemTag.Normalize(from), ItemTag.Normalize(to));
        foreach (var rule in await _classificationStore.ListRulesAsync(cancellationToken).ConfigureAwait(false))
        {
            var renamed = rule.Then.Tags.Select(tag => Rename(ItemTag.Normalize(tag))).Distinct().ToArray();
            if (!renamed.SequenceEqual(rule.Then.Tags))
            {
                await _classificationStore.SaveRuleAsync(rule with { Then = rule.Then with { Tags = renamed } }, cancellationToken).ConfigureAwait(false);
            }
        }

        var changed = await _classificationStore.RenameTagAsync(from, to, cancellationToken).ConfigureAwait(false);
        if (changed > 0)
        {
            await ProcessQueueAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return changed;

        string Rename(string tag) =>
            tag == oldName ? newName : tag.StartsWith(oldName + "/", StringComparison.Ordinal) ? newName + tag[oldName.Length..] : tag;
    }

    /// <summary>
    /// Pairs of tags that are probably one: names within a small edit distance once separators and plurals are
    /// ignored (<c>adtech</c>/<c>ad-tech</c>), or item sets that mostly overlap. The rarer tag is proposed to merge into the commoner.
    /// </summary>
    public async Task<IReadOnlyList<MergeSuggestion>> SuggestTagMergesAsync(CancellationToken cancellationToken)
    {
        var members = await _classificationStore.ReadTagMembersAsync(cancellationToken).ConfigureAwait(false);
        var tags = members.Keys.Order(StringComparer.Ordinal).ToArray();
        var suggestions = new List<MergeSuggestion>();
        for (var i = 0; i < tags.Length; i++)
        {
            for (var j = i + 1; j < tags.Length; j++)
            {
                var (a, b) = (tags[i], tags[j]);
                if (a.StartsWith(b + "/", StringComparison.Ordinal) || b.StartsWith(a + "/", StringComparison.Ordinal))
                {
                    continue; // parent and child are meant to differ
                }

                var (from, into) = members[a].Count <= members[b].Count ? (a, b) : (b, a);
                var keyA = Key(a);
                var keyB = Key(b);
                var distance = TagNames.EditDistance(keyA, keyB);
                if (keyA == keyB || (Math.Min(keyA.Length, keyB.Length) >= 5 && distance <= 1))
                {
                    suggestions.Add(new MergeSuggestion(from, into, keyA == keyB ? "same name apart from separators, case or plural" : $"names differ by {distance} letter"));
                    continue;
                }

                var shared = members[a].Intersect(members[b]).Count();
                var smaller = Math.Min(members[a].Count, members[b].Count);
                if (smaller >= 3 && shared >= 0.8 * smaller)
                {
                    suggestions.Add(new MergeSuggestion(from, into, $"{shared} of {smaller} items carry both"));
                }
            }
        }

        return suggestions;

        static string Key(string tag) => TagNames.Key(tag);
    }
}

/// <summary>Comparing tag names: the same tag written differently, and how different two names are.</summary>
public static class TagNames
{
    /// <summary>The name without separators and a trailing plural s: <c>Ad-Tech</c>, <c>adtech</c> and <c>ad_techs</c> agree.</summary>
    public static string Key(string tag)
    {
        var letters = new string(tag.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return letters.Length > 3 && letters.EndsWith('s') && !letters.EndsWith("ss", StringComparison.Ordinal) ? letters[..^1] : letters;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int EditDistance(string first, string second)
    {
        var previous = new int[second.Length + 1];
        var current = new int[second.Length + 1];
        for (var j = 0; j <= second.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= first.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= second.Length; j++)
            {
                var substitution = previous[j - 1] + (first[i - 1] == second[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[second.Length];
    }
}
