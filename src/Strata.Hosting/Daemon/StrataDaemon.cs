using Strata.Hosting.Queue;

namespace Strata.Hosting.Daemon;

/// <summary>
/// The long-running worker: runs due sources on their schedules, reacts to changes in watched folders, and works
/// the job queue. Stopping (SIGTERM, Ctrl+C) cancels the work in flight — an uncommitted batch is simply redone
/// on the next start, since every step is idempotent — and checkpoints the database.
/// </summary>
public sealed class StrataDaemon(KnowledgeBase kb, TimeProvider time)
{
    /// <summary>Longest sleep between ticks, so items queued by other commands are picked up promptly.</summary>
    public static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(2);

    /// <summary>Runs until <paramref name="stop"/> is cancelled. Throws when another daemon holds this data directory.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        using var daemonLock = WorkerLock.TryAcquire(Path.Combine(kb.DataDirectory, "daemon.lock"))
            ?? throw new InvalidOperationException($"another Strata daemon is already running on {kb.DataDirectory}");
        using var wake = new SemaphoreSlim(0);
        using var watchers = new FolderWatchers(() => wake.Release());
        kb.Log.Write($"daemon started: pid {Environment.ProcessId}, data {kb.DataDirectory}");
        var digestCheck = time.GetUtcNow();
        var summaryNotice = false;
        try
        {
            if (!await kb.IsRankedIndexCompleteAsync(stop).ConfigureAwait(false))
            {
                // A base from before the ranked keyword index: fill it once (searches use FTS5 until then).
                kb.Log.Write("building the ranked keyword index from the stored items (once, after an upgrade)");
                var indexed = await kb.RebuildRankedIndexAsync(null, stop).ConfigureAwait(false);
                kb.Log.Write($"ranked keyword index built: {indexed} item(s)");
            }

            while (!stop.IsCancellationRequested)
            {
                var sources = await kb.ListSourcesAsync(stop).ConfigureAwait(false);
                watchers.Sync(sources);
                foreach (var id in watchers.TakeChanged())
                {
                    await kb.MarkSourceDueAsync(id, stop).ConfigureAwait(false);
                }

                var (_, pipeline) = await kb.CollectDueAsync(null, stop).ConfigureAwait(false);
                if (pipeline.Processed > 0)
                {
                    kb.Log.Write($"processed {pipeline.Processed} item(s), {pipeline.Failures.Count} failed");
                    foreach (var failure in pipeline.Failures)
                    {
                        kb.Log.Write($"  failed: {failure.Origin}: {failure.Step}: {failure.Message}");
                    }
                }

                if (pipeline.Processed > 0 && kb.Options.Embedding.IsEnabled)
                {
                    await EmbedAsync(stop).ConfigureAwait(false);
                }

                digestCheck = await RunDigestAsync(digestCheck, stop).ConfigureAwait(false);
                summaryNotice = await SummarizeAsync(pipeline.Processed > 0, summaryNotice, stop).ConfigureAwait(false);
                var idle = await NextWakeAsync(stop).ConfigureAwait(false);
                await wake.WaitAsync(idle, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Asked to stop: fall through to the checkpoint.
        }

        kb.Log.Write("daemon stopping: work in flight will resume on the next start");
        await kb.CheckpointAsync(CancellationToken.None).ConfigureAwait(false);
        kb.Log.Write("daemon stopped");
    }

    /// <summary>Embeds what the last pass brought; a model failure is logged and tried again after the next pass.</summary>
    private async Task EmbedAsync(CancellationToken stop)
    {
        try
        {
            var report = await kb.EmbedAsync(null, stop).ConfigureAwait(false);
            kb.Log.Write(report.Error is null
                ? $"embedded {report.Embedded} passage(s) with {report.Model}"
                : $"embedding stopped after {report.Embedded} passage(s): {report.Error}");
        }
        catch (Strata.Semantic.Embeddings.EmbeddingException exception)
        {
            kb.Log.Write($"embedding: {exception.Message}");
        }
    }

    /// <summary>Makes the scheduled digest when it is due; returns the time checked up to.</summary>
    private async Task<DateTimeOffset> RunDigestAsync(DateTimeOffset lastCheck, CancellationToken stop)
    {
        var now = time.GetUtcNow();
        var digest = await kb.RunScheduledDigestAsync(lastCheck, stop).ConfigureAwait(false);
        if (digest is not null)
        {
            kb.Log.Write($"digest {digest.Stored?.Id}: {digest.Digest.ItemCount} item(s)" +
                (digest.DeliveredTo is null ? string.Empty : $", mailed to {digest.DeliveredTo}") + (digest.DeliveryError is null ? string.Empty : $"; {digest.DeliveryError}"));
            LogAudio(digest);

            return now;
        }

        return string.IsNullOrWhiteSpace(kb.Options.Digest.Schedule) ? now : lastCheck;
    }

    /// <summary>Logs the scheduled digest's podcast episode, or why it was not made.</summary>
    private void LogAudio(Digests.DigestResult digest)
    {
        if (digest.AudioError is not null)
        {
            kb.Log.Write(digest.AudioError);
        }

        if (digest.Audio is not { } audio)
        {
            return;
        }

        kb.Log.Write($"audio digest {audio.Episode.Id}: {Core.Audio.PodcastFeedWriter.Clock(audio.Episode.DurationMs)}, {audio.Episode.Stories} stories, {audio.Path}");
        foreach (var problem in audio.Problems)
        {
            kb.Log.Write($"  not read: {problem}");
        }
    }

    /// <summary>
    /// With a chat model, writes abstractive summaries for new items in small batches, after ingest and never in
    /// its way; says once when the budget is spent. Returns whether that notice was given.
    /// </summary>
    private async Task<bool> SummarizeAsync(bool newItems, bool noticeGiven, CancellationToken stop)
    {
        if (!kb.HasChatModel || !kb.Options.Summaries.ModelInDaemon || !newItems)
        {
            return noticeGiven;
        }

        var report = await kb.SummarizeMissingAsync(kb.Options.Summaries.ModelBatch, null, stop).ConfigureAwait(false);
        if (report.Abstractive > 0)
        {
            kb.Log.Write($"summarized {report.Abstractive} item(s) with the model");
        }

        foreach (var failure in report.Failures)
        {
            kb.Log.Write($"  summary failed: {failure}");
        }

        if (report.Notice is not null && !noticeGiven)
        {
            kb.Log.Write(report.Notice);
            return true;
        }

        return noticeGiven;
    }

    private async Task<TimeSpan> NextWakeAsync(CancellationToken stop)
    {
        var now = time.GetUtcNow();
        var next = (await kb.ListSourcesAsync(stop).ConfigureAwait(false))
            .Where(source => !source.Paused)
            .Select(source => source.NextRunAt ?? now)
            .DefaultIfEmpty(now + MaxIdle)
            .Min();
        var wait = next - now;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxIdle ? MaxIdle : wait;
    }
}
