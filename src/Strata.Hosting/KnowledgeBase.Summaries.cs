using Microsoft.Extensions.AI;
using Strata.AI;
using Strata.Core.Enrich;
using Strata.Core.Items;
using Strata.Core.Ledger;
using Strata.Core.Storage;
using Strata.Core.Summaries;
using Strata.Hosting.Summaries;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>Most items one set summary covers.</summary>
    public const int MaxSetItems = 30;

    private static readonly SummaryBudget SetBudget = new(MaxChars: 1200, MaxSentences: 8);

    /// <summary>Every stored summary of an item, abstractive first.</summary>
    public Task<IReadOnlyList<Summary>> GetSummariesAsync(string itemId, CancellationToken cancellationToken) => _summaries.GetSummariesAsync(itemId, cancellationToken);

    /// <summary>
    /// An item's summary: abstractive with a chat model, else extractive; the stored one unless <paramref name="regenerate"/>.
    /// Null when no item matches. When the model is configured but cannot be used (budget, failure), the extractive
    /// summary is returned with a notice.
    /// </summary>
    public async Task<SummaryOutcome?> SummarizeItemAsync(string idOrPrefix, bool regenerate, CancellationToken cancellationToken)
    {
        var item = await GetAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        var stored = await _summaries.GetSummariesAsync(item.Id, cancellationToken).ConfigureAwait(false);
        string? notice = null;
        if (_chat is not null)
        {
            if (!regenerate && stored.FirstOrDefault(s => s.Method == SummaryMethods.Abstractive) is { } existing)
            {
                return new SummaryOutcome(existing, null);
            }

            try
            {
                return new SummaryOutcome(await SummarizeWithModelAsync(item, regenerate, cancellationToken).ConfigureAwait(false), null);
            }
            catch (ModelBudgetExceededException exception)
            {
                notice = exception.Message;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                notice = ModelFailed(exception);
            }
        }

        if (!regenerate && stored.FirstOrDefault(s => s.Method == SummaryMethods.Extractive) is { } extractive)
        {
            return new SummaryOutcome(extractive, notice);
        }

        return new SummaryOutcome(await SummarizeExtractivelyAsync(item, cancellationToken).ConfigureAwait(false), notice);
    }

    /// <summary>
    /// Summarizes items that lack one, oldest first, at most <paramref name="max"/>: abstractive when a chat model is
    /// configured (the separate pass that keeps bulk ingest fast), else extractive (items ingested before summaries
    /// existed). Once the model's budget is spent the pass says so once and stops using it.
    /// </summary>
    public async Task<MissingSummariesReport> SummarizeMissingAsync(int max, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var method = _chat is null ? SummaryMethods.Extractive : SummaryMethods.Abstractive;
        var ids = await _summaries.ListItemsWithoutSummaryAsync(method, max, cancellationToken).ConfigureAwait(false);
        int abstractive = 0, extractive = 0;
        var failures = new List<string>();
        string? notice = null;
        foreach (var id in ids)
        {
            var item = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (item is null)
            {
                continue;
            }

            if (_chat is not null && notice is null)
            {
                try
                {
                    await SummarizeWithModelAsync(item, fresh: false, cancellationToken).ConfigureAwait(false);
                    abstractive++;
                    progress?.Report(abstractive + extractive);
                    continue;
                }
                catch (ModelBudgetExceededException exception)
                {
                    notice = exception.Message;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failures.Add($"{item.Id}: {ModelFailed(exception)}");
                }
            }

            var stored = await _summaries.GetSummariesAsync(item.Id, cancellationToken).ConfigureAwait(false);
            if (stored.All(s => s.Method != SummaryMethods.Extractive))
            {
                await SummarizeExtractivelyAsync(item, cancellationToken).ConfigureAwait(false);
                extractive++;
            }

            progress?.Report(abstractive + extractive);
        }

        return new MissingSummariesReport(abstractive + extractive, abstractive, extractive, failures, notice);
    }

    /// <summary>
    /// One text summarizing the items a query finds (or, with no query, those matching the tags and date), citing
    /// them as [n]. Null when nothing matches.
    /// </summary>
    public async Task<SetSummary?> SummarizeSetAsync(string? query, IReadOnlyList<string> tags, DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, MaxSetItems);
        IReadOnlyList<ItemSummary> items = string.IsNullOrWhiteSpace(query)
            ? await _store.ListAsync(new ItemFilter { Tags = tags, After = since, Limit = limit }, cancellationToken).ConfigureAwait(false)
            : (await SearchAsync(query + string.Concat(tags.Select(tag => $" tag:{tag}")), limit, cancellationToken).ConfigureAwait(false))
                .Select(hit => hit.Item).Where(item => since is null || item.CollectedAt >= since).ToArray();
        if (items.Count == 0)
        {
            return null;
        }

        var sources = new List<(SetSummarySource Source, string Text)>();
        foreach (var listed in items)
        {
            var text = (await _summaries.GetSummariesAsync(listed.Id, cancellationToken).ConfigureAwait(false)).FirstOrDefault()?.Text;
            if (text is null && await _store.GetAsync(listed.Id, cancellationToken).ConfigureAwait(false) is { Text: { Length: > 0 } body })
            {
                text = ExtractiveSummarizer.Summarize(body, Options.Summaries.Budget).Text;
            }

            if (!string.IsNullOrWhiteSpace(text))
            {
                sources.Add((new SetSummarySource(sources.Count + 1, listed.Id, listed.DisplayTitle, listed.Url, listed.SourcePath), text));
            }
        }

        if (sources.Count == 0)
        {
            return null;
        }

        var topic = query ?? string.Join(", ", tags.Select(tag => "#" + tag)) + (since is null ? string.Empty : $" since {since:yyyy-MM-dd}");
        string? notice = null;
        if (_chat is not null)
        {
            try
            {
                var chat = Options.Chat;
                var budget = chat.ContextTokens - chat.MaxOutputTokens - Prompts.OverheadTokens(Prompts.SummarizeSet(topic, [])) - (int)(chat.ContextTokens * ContextMargin);
                var packed = new List<(int, string, string)>();
                var used = 0;
                foreach (var (source, text) in sources)
                {
                    var tokens = TokenCounter.Count(Prompts.Source(source.Number, source.Title, text));
                    if (used + tokens <= budget)
                    {
                        packed.Add((source.Number, source.Title, text));
                        used += tokens;
                    }
                }

                var response = await _chat.GetResponseAsync(
                    Prompts.SummarizeSet(topic, packed), ModelPurpose.Chat(ModelPurposes.Summary, new ChatOptions { MaxOutputTokens = chat.MaxOutputTokens }), cancellationToken).ConfigureAwait(false);
                return new SetSummary(response.Text.Trim(), sources.Select(s => s.Source).ToArray(), SummaryMethods.Abstractive, chat.Model, null);
            }
            catch (ModelBudgetExceededException exception)
            {
                notice = exception.Message;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                notice = ModelFailed(exception);
            }
        }

        var summary = SetSummarizer.Summarize(sources.Select(s => s.Text).ToArray(), SetBudget);
        return new SetSummary(summary, sources.Select(s => s.Source).ToArray(), SummaryMethods.Extractive, null, notice);
    }

    private async Task<Summary> SummarizeWithModelAsync(Item item, bool fresh, CancellationToken cancellationToken)
    {
        var chat = Options.Chat;
        var room = chat.ContextTokens - chat.MaxOutputTokens - Prompts.OverheadTokens(Prompts.SummarizeItem(item.DisplayTitle, string.Empty)) - (int)(chat.ContextTokens * ContextMargin);
        var text = TokenCounter.Truncate(item.Text ?? string.Empty, room);
        var options = ModelPurpose.Chat(ModelPurposes.Summary, new ChatOptions { MaxOutputTokens = chat.MaxOutputTokens });
        var response = await _chat!.GetResponseAsync(
            Prompts.SummarizeItem(item.DisplayTitle, text), fresh ? ModelPurpose.Fresh(options) : options, cancellationToken).ConfigureAwait(false);
        var (body, points) = Prompts.ParseSummary(response.Text);
        if (body.Length == 0)
        {
            throw new InvalidOperationException("the model returned an empty summary");
        }

        var summary = new Summary(item.Id, SummaryMethods.Abstractive, chat.Model, body, points, _time.GetUtcNow());
        await _summaries.SaveSummaryAsync(summary, cancellationToken).ConfigureAwait(false);
        return summary;
    }

    private async Task<Summary> SummarizeExtractivelyAsync(Item item, CancellationToken cancellationToken)
    {
        var extractive = ExtractiveSummarizer.Summarize(item.Text ?? string.Empty, Options.Summaries.Budget);
        var summary = new Summary(item.Id, SummaryMethods.Extractive, null, extractive.Text, extractive.KeyPoints, _time.GetUtcNow());
        if (summary.Text.Length > 0)
        {
            await _summaries.SaveSummaryAsync(summary, cancellationToken).ConfigureAwait(false);
        }

        return summary;
    }
}
