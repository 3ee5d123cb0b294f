using Strata.Core.Ledger;
using Strata.Core.Memory;
using Strata.Hosting.Memory;
using Strata.Hosting.Tests.Models;
using Strata.Testing.Chat;
using Xunit;

namespace Strata.Hosting.Tests.Memory;

public sealed class CardsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AddCardFromHighlightAsync_WithNote_NoteAsksAndSpanPointsAtThePassage()
    {
        var (fixture, ids) = await ModelFixture.CreateAsync(null);
        await using var _ = fixture;
        const string passage = "radar surveys measure the loss each year";

        var card = await fixture.Kb.AddCardFromHighlightAsync(ids[0][..10], passage, "How is glacier loss measured?", None);

        Assert.Equal(CardOrigin.Highlight, card.Origin);
        Assert.Equal("How is glacier loss measured?", card.Front);
        Assert.Equal(passage, card.Back);
        Assert.Equal(ids[0], card.ItemId);
        Assert.Equal("climate/ice", card.Deck);
        var item = await fixture.Kb.GetAsync(ids[0], None);
        Assert.Equal(passage, item!.Text![card.SpanStart!.Value..card.SpanEnd!.Value]);
    }

    [Fact]
    public async Task AddCardFromHighlightAsync_WithoutNote_BlanksAKeyword()
    {
        var (fixture, ids) = await ModelFixture.CreateAsync(null);
        await using var _ = fixture;

        var card = await fixture.Kb.AddCardFromHighlightAsync(ids[1], "Coral reefs bleach when ocean water stays warm for weeks.", null, None);

        Assert.Equal(CardKind.Cloze, card.Kind);
        Assert.Contains("[…]", ClozeText.Mask(card.Front), StringComparison.Ordinal);
        Assert.Equal("Coral reefs bleach when ocean water stays warm for weeks.", ClozeText.Reveal(card.Front));
    }

    [Fact]
    public async Task AddCardFromHighlightAsync_RepeatedWordsWithKnownStart_KeepsTheHighlightedOccurrence()
    {
        var (fixture, ids) = await ModelFixture.CreateAsync(null);
        await using var _ = fixture;
        var second = ModelFixture.Glaciers.IndexOf("glaciers", ModelFixture.Glaciers.IndexOf("glaciers", StringComparison.Ordinal) + 1, StringComparison.Ordinal);

        var known = await fixture.Kb.AddCardFromHighlightAsync(ids[0], "glaciers", "Which word?", second, None);
        var wrong = await fixture.Kb.AddCardFromHighlightAsync(ids[0], "glaciers", "Which word, again?", 3, None);

        Assert.Equal(second, known.SpanStart);
        Assert.Equal(ModelFixture.Glaciers.IndexOf("glaciers", StringComparison.Ordinal), wrong.SpanStart);
    }

    [Fact]
    public async Task AddCardAsync_UnknownItemOrEmptySide_FailsWithoutStoring()
    {
        var (fixture, ids) = await ModelFixture.CreateAsync(null);
        await using var _ = fixture;

        await Assert.ThrowsAsync<KeyNotFoundException>(() => fixture.Kb.AddCardAsync("ZZZZZZZZ", "q", "a", null, null, None));
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Kb.AddCardAsync(ids[0], " ", "a", null, null, None));
        Assert.Empty(await fixture.Kb.ListCardsAsync(new CardFilter { IncludeSuspended = true }, None));
    }

    [Fact]
    public async Task DraftCardsAsync_WithChatModel_QuestionAnswerCardsTiedToTheQuotedSentence()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Reply = _ => "Here you go:\n```json\n[{\"question\": \"What feeds rivers in late summer?\", \"answer\": \"Meltwater from glaciers\", " +
            "\"quote\": \"Meltwater from glaciers feeds rivers in late summer.\"}, {\"question\": \"\", \"answer\": \"skipped\"}]\n```";
        var (fixture, ids) = await ModelFixture.CreateAsync(server);
        await using var _ = fixture;

        var preview = await fixture.Kb.DraftCardsAsync(new CardGenerationRequest(null, ids[0], 5), None);
        var saved = await fixture.Kb.SaveDraftsAsync(preview.Drafts, None);

        var draft = Assert.Single(preview.Drafts);
        Assert.Equal(CardKind.QuestionAnswer, draft.Kind);
        Assert.Equal("Meltwater from glaciers feeds rivers in late summer.", ModelFixture.Glaciers[draft.SpanStart!.Value..draft.SpanEnd!.Value]);
        Assert.Contains("Title: Glaciers", Assert.Single(server.Requests).Prompt, StringComparison.Ordinal);
        Assert.Equal(CardOrigin.Llm, Assert.Single(saved).Origin);
        Assert.Contains((await fixture.Kb.GetUsageAsync(DateTimeOffset.UnixEpoch, Usage.UsageGrouping.Purpose, None)).Rows, row => row.Key == ModelPurposes.Cards);
    }

    [Fact]
    public async Task DraftCardsAsync_NoModelByTag_ClozeCardsWithANoticeAndNoDuplicatesOnRerun()
    {
        var (fixture, _) = await ModelFixture.CreateAsync(null);
        await using var __ = fixture;

        var preview = await fixture.Kb.DraftCardsAsync(new CardGenerationRequest("climate", null, 4), None);
        var saved = await fixture.Kb.SaveDraftsAsync(preview.Drafts, None);
        var again = await fixture.Kb.DraftCardsAsync(new CardGenerationRequest("climate", null, 4), None);

        Assert.Contains(preview.Notices, notice => notice.Contains("no chat model", StringComparison.Ordinal));
        Assert.NotEmpty(saved);
        Assert.All(saved, card => Assert.Equal(CardKind.Cloze, card.Kind));
        Assert.All(saved, card => Assert.StartsWith("climate/", card.Deck, StringComparison.Ordinal));
        Assert.DoesNotContain(again.Drafts, draft => saved.Any(card => card.Front == draft.Front));
    }

    [Fact]
    public async Task EditSuspendDelete_ChangeTheCardAndSuspendedCardsAreNeverDue()
    {
        var (fixture, ids) = await ModelFixture.CreateAsync(null);
        await using var _ = fixture;
        var card = await fixture.Kb.AddCardAsync(ids[2], "What does a carbon price do?", "Makes emitters pay", "econ", null, None);

        var edited = await fixture.Kb.EditCardAsync(card.Id[..12], null, "Makes power plants pay for emissions", null, None);
        await fixture.Kb.SuspendCardAsync(card.Id, true, None);
        var dueWhileSuspended = await fixture.Kb.ListDueCardsAsync(null, 10, None);
        await fixture.Kb.SuspendCardAsync(card.Id, false, None);
        var dueAfter = await fixture.Kb.ListDueCardsAsync("econ", 10, None);
        var deleted = await fixture.Kb.DeleteCardAsync(card.Id, None);

        Assert.Equal("Makes power plants pay for emissions", edited!.Back);
        Assert.Equal("econ", edited.Deck);
        Assert.Empty(dueWhileSuspended);
        Assert.Single(dueAfter);
        Assert.NotNull(deleted);
        Assert.Null(await fixture.Kb.GetCardAsync(card.Id, None));
    }
}
