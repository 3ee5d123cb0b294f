using Microsoft.Extensions.AI;
using Strata.Core.Enrich;
using Strata.Core.Items;
using Strata.Core.Memory;
using Strata.Core.Storage;
using Strata.Hosting.Memory;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>Adds a card written by the user, linked to an item (and to <paramref name="passage"/> in its text when given).</summary>
    /// <exception cref="KeyNotFoundException">No item matches.</exception>
    /// <exception cref="ArgumentException">The front or back is empty.</exception>
    public async Task<Card> AddCardAsync(string itemIdOrPrefix, string front, string back, string? deck, string? passage, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(front) || string.IsNullOrWhiteSpace(back))
        {
            throw new ArgumentException("a card needs a front and a back");
        }

        var item = await RequireItemAsync(itemIdOrPrefix, cancellationToken).ConfigureAwait(false);
        var (start, end) = passage is null ? (null, null) : PassageLocator.Find(item.Text ?? string.Empty, passage);
        var card = NewCard(CardKind.Basic, CardOrigin.User, front.Trim(), back.Trim(), item, passage?.Trim(), start, end) with { Deck = DeckOf(deck, item) };
        return await InsertOneAsync(card, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes a card from a highlight (what the web UI calls): with a note, the note is the question and the passage the
    /// answer; without one, the passage's most salient keyword is blanked out (a cloze card), or, when none is found,
    /// the card asks to recall the passage from the item's title. The card keeps the passage's span in the item's text.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No item matches.</exception>
    /// <exception cref="ArgumentException">The passage is empty.</exception>
    public Task<Card> AddCardFromHighlightAsync(string itemIdOrPrefix, string passage, string? note, CancellationToken cancellationToken) =>
        AddCardFromHighlightAsync(itemIdOrPrefix, passage, note, null, cancellationToken);

    /// <summary>As the overload without <paramref name="start"/>, trusting the highlight's known offset in the item's text when the passage is there.</summary>
    /// <param name="itemIdOrPrefix">The item.</param>
    /// <param name="passage">The highlighted text.</param>
    /// <param name="note">The user's note, or null.</param>
    /// <param name="start">Where the highlight starts in the item's text (the web UI records it), or null to search for it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<Card> AddCardFromHighlightAsync(string itemIdOrPrefix, string passage, string? note, int? start, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(passage))
        {
            throw new ArgumentException("a highlight needs its passage");
        }

        var item = await RequireItemAsync(itemIdOrPrefix, cancellationToken).ConfigureAwait(false);
        var text = passage.Trim();
        var itemText = item.Text ?? string.Empty;
        // The same words can occur twice: a known offset wins when the passage really is there.
        var (spanStart, spanEnd) = start is { } known && known >= 0 && known + text.Length <= itemText.Length && string.CompareOrdinal(itemText, known, text, 0, text.Length) == 0
            ? (known, known + text.Length)
            : PassageLocator.Find(itemText, text);
        Card card;
        if (!string.IsNullOrWhiteSpace(note))
        {
            card = NewCard(CardKind.Basic, CardOrigin.Highlight, note.Trim(), text, item, text, spanStart, spanEnd) with { Note = note.Trim() };
        }
        else
        {
            var keywords = await KeywordsOfAsync(item, cancellationToken).ConfigureAwait(false);
            var (at, length) = ClozeGenerator.FindTerm(text, keywords);
            card = length > 0
                ? NewCard(CardKind.Cloze, CardOrigin.Highlight, ClozeText.Make(text, at, length), text, item, text, spanStart, spanEnd)
                : NewCard(CardKind.Basic, CardOrigin.Highlight, $"Recall the passage you highlighted in “{item.DisplayTitle}”.", text, item, text, spanStart, spanEnd);
        }

        return await InsertOneAsync(card with { Deck = DeckOf(null, item) }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cards' drafts for a preview: question–answer cards from the chat model when configured and wanted, else cloze cards from key sentences. Nothing is saved.</summary>
    public async Task<CardGenerationPreview> DraftCardsAsync(CardGenerationRequest request, CancellationToken cancellationToken)
    {
        var items = new List<Item>();
        if (request.Item is not null)
        {
            items.Add(await RequireItemAsync(request.Item, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            var filter = new ItemFilter { Tags = request.Tag is null ? [] : [request.Tag], Limit = Math.Max(request.Max, 1) * 2 };
            foreach (var summary in await _store.ListAsync(filter, cancellationToken).ConfigureAwait(false))
            {
                if (await _store.GetAsync(summary.Id, cancellationToken).ConfigureAwait(false) is { Text.Length: > 0 } item)
                {
                    items.Add(item);
                }
            }
        }

        var notices = new List<string>();
        var useModel = request.UseModel && _chat is not null;
        if (request.UseModel && _chat is null)
        {
            notices.Add("no chat model is configured: cloze cards from key sentences instead of question–answer cards");
        }

        var drafts = new List<CardDraft>();
        var perItem = Math.Max(1, (int)Math.Ceiling((double)request.Max / Math.Max(1, items.Count)));
        foreach (var item in items)
        {
            var room = request.Max - drafts.Count;
            if (room <= 0)
            {
                break;
            }

            var existing = (await _cards.ListCardsAsync(new CardFilter { ItemId = item.Id, IncludeSuspended = true }, cancellationToken).ConfigureAwait(false))
                .Select(card => card.Front).ToHashSet(StringComparer.Ordinal);
            IReadOnlyList<CardDraft> made;
            if (useModel)
            {
                try
                {
                    made = await QuestionCardsAsync(item, Math.Min(perItem, room), cancellationToken).ConfigureAwait(false);
                }
                catch (AI.ModelBudgetExceededException exception)
                {
                    notices.Add(exception.Message + "; cloze cards from key sentences instead");
                    useModel = false;
                    made = ClozeGenerator.Generate(item.Id, item.Text!, await KeywordsOfAsync(item, cancellationToken).ConfigureAwait(false), Math.Min(perItem, room));
                }
            }
            else
            {
                made = ClozeGenerator.Generate(item.Id, item.Text!, await KeywordsOfAsync(item, cancellationToken).ConfigureAwait(false), Math.Min(perItem, room));
            }

            var fresh = made.Where(draft => !existing.Contains(draft.Front)).ToArray();
            if (made.Count == 0)
            {
                notices.Add($"{item.Id} {item.DisplayTitle}: no card could be made");
            }

            drafts.AddRange(fresh.Take(room));
        }

        return new CardGenerationPreview(drafts, notices, useModel ? "question–answer (chat model)" : "cloze (key sentences)");
    }

    /// <summary>Saves drafts (from <see cref="DraftCardsAsync"/>); one whose front its item already has is skipped. Returns the cards saved.</summary>
    public async Task<IReadOnlyList<Card>> SaveDraftsAsync(IReadOnlyList<CardDraft> drafts, CancellationToken cancellationToken)
    {
        var cards = new List<Card>(drafts.Count);
        foreach (var group in drafts.GroupBy(draft => draft.ItemId, StringComparer.Ordinal))
        {
            var item = await _store.GetAsync(group.Key, cancellationToken).ConfigureAwait(false);
            foreach (var draft in group)
            {
                cards.Add(NewCard(draft.Kind, draft.Origin, draft.Front, draft.Back, item, draft.Passage, draft.SpanStart, draft.SpanEnd) with
                {
                    ItemId = draft.ItemId,
                    Deck = item is null ? null : DeckOf(null, item),
                });
            }
        }

        return await _cards.InsertCardsAsync(cards, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Card>> ListCardsAsync(CardFilter filter, CancellationToken cancellationToken) => _cards.ListCardsAsync(filter, cancellationToken);

    /// <summary>A card by id or unambiguous prefix; null when none matches.</summary>
    /// <exception cref="AmbiguousIdException">The prefix matches more than one card.</exception>
    public async Task<Card?> GetCardAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var found = await _cards.FindCardsAsync(idOrPrefix, 2, cancellationToken).ConfigureAwait(false);
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new AmbiguousIdException($"'{idOrPrefix}' matches several cards; give more characters of the id"),
        };
    }

    /// <summary>Changes a card's text or deck (null leaves a field as it is); null when no card matches.</summary>
    public async Task<Card?> EditCardAsync(string idOrPrefix, string? front, string? back, string? deck, CancellationToken cancellationToken)
    {
        var card = await GetCardAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (card is null)
        {
            return null;
        }

        var edited = card with
        {
            Front = string.IsNullOrWhiteSpace(front) ? card.Front : front.Trim(),
            Back = string.IsNullOrWhiteSpace(back) ? card.Back : back.Trim(),
            Deck = deck is null ? card.Deck : deck.Length == 0 ? null : ItemTag.Normalize(deck),
            UpdatedAt = _time.GetUtcNow(),
        };
        return await _cards.UpdateCardAsync(edited, cancellationToken).ConfigureAwait(false) ? edited : null;
    }

    /// <summary>Suspends a card (it is never due) or brings it back; null when no card matches.</summary>
    public async Task<Card?> SuspendCardAsync(string idOrPrefix, bool suspended, CancellationToken cancellationToken)
    {
        var card = await GetCardAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (card is null)
        {
            return null;
        }

        var changed = card with { Suspended = suspended, UpdatedAt = _time.GetUtcNow() };
        return await _cards.UpdateCardAsync(changed, cancellationToken).ConfigureAwait(false) ? changed : null;
    }

    /// <summary>Deletes a card and its review history; null when no card matches.</summary>
    public async Task<Card?> DeleteCardAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var card = await GetCardAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        return card is not null && await _cards.DeleteCardAsync(card.Id, cancellationToken).ConfigureAwait(false) ? card : null;
    }

    private async Task<IReadOnlyList<CardDraft>> QuestionCardsAsync(Item item, int count, CancellationToken cancellationToken)
    {
        var chat = Options.Chat;
        var room = chat.ContextTokens - chat.MaxOutputTokens - AI.TokenCounter.Count(QuestionCardReply.Prompt(item.DisplayTitle, string.Empty, count)) - (int)(chat.ContextTokens * ContextMargin);
        var prompt = QuestionCardReply.Prompt(item.DisplayTitle, AI.TokenCounter.Truncate(item.Text ?? string.Empty, Math.Max(0, room)), count);
        var response = await _chat!.GetResponseAsync(prompt, AI.ModelPurpose.Chat(Core.Ledger.ModelPurposes.Cards), cancellationToken).ConfigureAwait(false);
        return QuestionCardReply.Parse(response.Text, item.Id, item.Text ?? string.Empty, count);
    }

    private async Task<IReadOnlyList<string>> KeywordsOfAsync(Item item, CancellationToken cancellationToken)
    {
        var stored = (await _structure.GetStructureAsync(item.Id, cancellationToken).ConfigureAwait(false))?.Keywords ?? [];
        if (stored.Count > 0 || string.IsNullOrWhiteSpace(item.Text))
        {
            return [.. stored.Select(keyword => keyword.Text)];
        }

        var candidates = KeywordCandidates.Collect(item.Text);
        await _corpus.EnsureLoadedAsync(candidates.Terms, cancellationToken).ConfigureAwait(false);
        return [.. KeywordRanker.Rank(candidates, _corpus.InverseDocumentFrequency).Select(keyword => keyword.Text)];
    }

    private async Task<Item> RequireItemAsync(string idOrPrefix, CancellationToken cancellationToken) =>
        await GetAsync(idOrPrefix, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"no item matches '{idOrPrefix}'");

    private async Task<Card> InsertOneAsync(Card card, CancellationToken cancellationToken)
    {
        var inserted = await _cards.InsertCardsAsync([card], cancellationToken).ConfigureAwait(false);
        if (inserted.Count == 0)
        {
            throw new ArgumentException($"item {card.ItemId} already has a card with this front");
        }

        return inserted[0];
    }

    private Card NewCard(CardKind kind, CardOrigin origin, string front, string back, Item? item, string? passage, int? start, int? end)
    {
        var now = _time.GetUtcNow();
        return new Card
        {
            Id = Ulid.NewUlid(now).ToString(),
            Kind = kind,
            Origin = origin,
            Front = front,
            Back = back,
            ItemId = item?.Id,
            Passage = passage,
            SpanStart = start,
            SpanEnd = end,
            Memory = CardMemory.New(now),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Decks follow tags: the given deck, else the item's first tag the user set, else its most confident tag.</summary>
    private static string? DeckOf(string? deck, Item item) =>
        !string.IsNullOrWhiteSpace(deck) ? ItemTag.Normalize(deck)
        : item.Tags.Where(tag => tag.Origin == TagOrigin.User).Select(tag => tag.Name).FirstOrDefault()
          ?? item.Tags.OrderByDescending(tag => tag.Confidence).Select(tag => tag.Name).FirstOrDefault();
}
