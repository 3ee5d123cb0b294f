using Strata.Core.Memory;
using Strata.Hosting.Memory;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>Cards as an Anki-importable text file (tab- or comma-separated, with Anki's file headers).</summary>
    public async Task<(string Text, int Cards)> ExportCardsAsync(CardFilter filter, char separator, CancellationToken cancellationToken)
    {
        var cards = await _cards.ListCardsAsync(filter with { Limit = int.MaxValue }, cancellationToken).ConfigureAwait(false);
        return (AnkiText.Write(cards, separator), cards.Count);
    }

    /// <summary>
    /// Imports cards from an Anki text file (Strata's own export or Anki's "Notes in plain text"). Imported cards are
    /// new (scheduling starts over); a card identical to one already stored is skipped; unreadable rows are reported.
    /// </summary>
    public async Task<CardImportReport> ImportCardsAsync(string content, char defaultSeparator, CancellationToken cancellationToken)
    {
        var (rows, problems) = AnkiText.Read(content, defaultSeparator);
        var existing = (await _cards.ListCardsAsync(new CardFilter { IncludeSuspended = true, Limit = int.MaxValue }, cancellationToken).ConfigureAwait(false))
            .Select(card => (card.Front, card.Back)).ToHashSet();
        var cards = new List<Card>();
        var duplicates = 0;
        foreach (var row in rows)
        {
            if (!existing.Add((row.Front, row.Back)))
            {
                duplicates++;
                continue;
            }

            var item = row.ItemId is null ? null : await _store.GetAsync(row.ItemId, cancellationToken).ConfigureAwait(false);
            var passage = item?.Text is { } text && row.SpanStart is { } start && row.SpanEnd is { } end && end <= text.Length && start < end ? text[start..end] : null;
            cards.Add(NewCard(row.Kind, CardOrigin.Import, row.Front, row.Back, item, passage, passage is null ? null : row.SpanStart, passage is null ? null : row.SpanEnd) with
            {
                Deck = row.Deck,
            });
        }

        var inserted = await _cards.InsertCardsAsync(cards, cancellationToken).ConfigureAwait(false);
        return new CardImportReport(inserted.Count, duplicates + cards.Count - inserted.Count, problems);
    }
}
