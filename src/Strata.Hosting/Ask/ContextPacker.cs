using Strata.AI;

namespace Strata.Hosting.Ask;

/// <summary>
/// Fits passages (best first) into a token budget counted with the real tokenizer (<see cref="TokenCounter"/>):
/// whole passages while they fit, skipping any that would overflow so a smaller later one may still go in.
/// </summary>
public static class ContextPacker
{
    public static IReadOnlyList<Passage> Pack(IReadOnlyList<Passage> passages, int budgetTokens, Func<int, Passage, string> format)
    {
        var packed = new List<Passage>();
        var used = 0;
        foreach (var passage in passages)
        {
            var tokens = TokenCounter.Count(format(packed.Count + 1, passage));
            if (used + tokens > budgetTokens)
            {
                continue;
            }

            packed.Add(passage);
            used += tokens;
        }

        return packed;
    }
}
