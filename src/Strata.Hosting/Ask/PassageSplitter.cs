using Strata.Core.Enrich;

namespace Strata.Hosting.Ask;

/// <summary>Cuts an item's text into passages of whole sentences of about <see cref="TargetChars"/> characters.</summary>
internal static class PassageSplitter
{
    public const int TargetChars = 600;

    /// <summary>Passages of <paramref name="text"/>; none crosses a page boundary in <paramref name="pageStarts"/> (ascending).</summary>
    public static IEnumerable<(int Start, int Length)> Split(string text, IReadOnlyList<int> pageStarts)
    {
        var sentences = SentenceSplitter.Split(text);
        var start = -1;
        var end = 0;
        var nextPage = 0;
        foreach (var sentence in sentences)
        {
            var newPage = false;
            while (nextPage < pageStarts.Count && pageStarts[nextPage] <= sentence.Start)
            {
                newPage = true;
                nextPage++;
            }

            if (newPage && start >= 0)
            {
                yield return (start, end - start);
                start = -1;
            }

            if (start < 0)
            {
                start = sentence.Start;
            }

            end = sentence.End;
            if (end - start >= TargetChars)
            {
                yield return (start, end - start);
                start = -1;
            }
        }

        if (start >= 0)
        {
            yield return (start, end - start);
        }
    }
}
