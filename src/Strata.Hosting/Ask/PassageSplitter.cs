using Strata.Core.Enrich;

namespace Strata.Hosting.Ask;

/// <summary>Cuts an item's text into passages of whole sentences of about <see cref="TargetChars"/> characters.</summary>
internal static class PassageSplitter
{
    public const int TargetChars = 600;

    public static IEnumerable<(int Start, int Length)> Split(string text)
    {
        var sentences = SentenceSplitter.Split(text);
        var start = -1;
        var end = 0;
        foreach (var sentence in sentences)
        {
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
