using Strata.Core.Items;
using Strata.Core.Memory;
using Strata.Core.Storage;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>
    /// A quiz on a topic: questions from the cards in the deck/tag (suspended ones included), topped up with cloze
    /// questions from key sentences of the tag's items; multiple choice when there are enough answers to choose from.
    /// Nothing is stored; score with <see cref="QuizScorer"/>.
    /// </summary>
    /// <param name="tag">The topic (a tag or deck); every card when null.</param>
    /// <param name="count">Questions wanted.</param>
    /// <param name="seed">Fixes the choice and order of questions (tests, repeatable quizzes).</param>
    /// <param name="cancellationToken">Cancels building.</param>
    public async Task<IReadOnlyList<QuizQuestion>> BuildQuizAsync(string? tag, int count, int? seed, CancellationToken cancellationToken)
    {
        var cards = await _cards.ListCardsAsync(new CardFilter { Tag = tag, IncludeSuspended = true }, cancellationToken).ConfigureAwait(false);
        var titles = new Dictionary<string, Item?>(StringComparer.Ordinal);
        async Task<Item?> ItemOf(string? id)
        {
            if (id is null)
            {
                return null;
            }

            if (!titles.TryGetValue(id, out var item))
            {
                titles[id] = item = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            }

            return item;
        }

        var pool = new List<QuizSource>();
        foreach (var card in cards)
        {
            var item = await ItemOf(card.ItemId).ConfigureAwait(false);
            var (prompt, answer) = card.Kind == CardKind.Cloze || ClozeText.IsCloze(card.Front)
                ? (ClozeText.Mask(card.Front), ClozeText.Answers(card.Front).FirstOrDefault() ?? card.Back)
                : (card.Front, card.Back);
            pool.Add(new QuizSource(prompt, answer, card.Id, card.ItemId, item?.DisplayTitle, item is null ? null : LinkOf(item.Id, item.Url, item.SourcePath)));
        }

        if (pool.Count < count)
        {
            var filter = new ItemFilter { Tags = tag is null ? [] : [tag], Limit = count };
            foreach (var summary in await _store.ListAsync(filter, cancellationToken).ConfigureAwait(false))
            {
                if (await ItemOf(summary.Id).ConfigureAwait(false) is not { Text.Length: > 0 } item)
                {
                    continue;
                }

                var keywords = await KeywordsOfAsync(item, cancellationToken).ConfigureAwait(false);
                foreach (var draft in ClozeGenerator.Generate(item.Id, item.Text!, keywords, 3))
                {
                    pool.Add(new QuizSource(ClozeText.Mask(draft.Front), ClozeText.Answers(draft.Front)[0], null, item.Id, item.DisplayTitle, LinkOf(item.Id, item.Url, item.SourcePath)));
                }
            }
        }

        return QuizBuilder.Build(pool, count, seed is null ? new Random() : new Random(seed.Value));
    }
}
