using Strata.Core.Digests;
using Strata.Core.Items;
using Strata.Core.Sources;
using Strata.Hosting.Digests;

namespace Strata.Hosting;

public sealed partial class KnowledgeBase
{
    /// <summary>How many earlier digests novelty is measured against.</summary>
    public const int NoveltyDigests = 30;

    /// <summary>
    /// Makes a digest of the items collected in [<paramref name="since"/>, now), optionally with a tag: grouped by
    /// category/topic with a one-line summary each, and top stories ranked by novelty against earlier digests and by
    /// the user's interests. Stored unless <paramref name="store"/> is false; mailed when <paramref name="send"/> and
    /// email is configured (a mail failure is reported, the digest is kept).
    /// </summary>
    public async Task<DigestResult> CreateDigestAsync(DateTimeOffset since, string? tag, bool store, bool send, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var candidates = await _digests.ListDigestCandidatesAsync(since, now, tag, Options.Digest.MaxItems, cancellationToken).ConfigureAwait(false);
        var ids = candidates.Select(candidate => candidate.Item.Id).ToArray();
        var earlier = await _digests.ListEarlierDigestTextsAsync(NoveltyDigests, [], cancellationToken).ConfigureAwait(false);
        var interests = await _digests.GetInterestTagsAsync(cancellationToken).ConfigureAwait(false);
        var digest = DigestComposer.Compose(since, now, tag, candidates, earlier, interests, Options.Digest.TopStories);
        if (Options.Digest.ResurfaceItems > 0)
        {
            var old = await _resurfacing.ListResurfaceCandidatesAsync(
                now - Options.Digest.ResurfaceAfter, now - Options.Digest.ResurfaceAfter, NoveltyDigests, Options.Digest.ResurfaceItems, cancellationToken).ConfigureAwait(false);
            digest = digest with { Resurfaced = [.. old.Where(candidate => !ids.Contains(candidate.Item.Id)).Select(DigestComposer.Entry)] };
            ids = [.. ids.Concat(digest.Resurfaced.Select(entry => entry.ItemId))];
        }

        var markdown = DigestRenderer.Markdown(digest);
        var html = DigestRenderer.Html(digest);
        var plain = DigestRenderer.PlainText(digest);
        StoredDigest? stored = null;
        if (store)
        {
            stored = new StoredDigest(Ulid.NewUlid(now).ToString(), now, since, now, tag, markdown, html, ids, digest.TopStories.Select(entry => entry.ItemId).ToArray());
            await _digests.SaveDigestAsync(stored, cancellationToken).ConfigureAwait(false);
        }

        string? deliveredTo = null, deliveryError = null;
        if (send && Options.Digest.Email.IsEnabled)
        {
            try
            {
                await DigestMailer.SendAsync(Options.Digest.Email, DigestRenderer.Title(digest), plain, html, cancellationToken).ConfigureAwait(false);
                deliveredTo = Options.Digest.Email.To;
                if (stored is not null)
                {
                    await _digests.MarkDigestDeliveredAsync(stored.Id, deliveredTo!, cancellationToken).ConfigureAwait(false);
                    stored = stored with { DeliveredTo = deliveredTo };
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                deliveryError = $"mailing the digest failed: {exception.GetType().Name}: {exception.Message}";
            }
        }
        else if (send)
        {
            deliveryError = "email is not configured (Digest.Email.Host and Digest.Email.To)";
        }

        return new DigestResult(digest, markdown, html, plain, stored, deliveredTo, deliveryError);
    }

    public Task<IReadOnlyList<StoredDigest>> ListDigestsAsync(int limit, CancellationToken cancellationToken) => _digests.ListDigestsAsync(limit, cancellationToken);

    public Task<StoredDigest?> GetDigestAsync(string idOrPrefix, CancellationToken cancellationToken) => _digests.GetDigestAsync(idOrPrefix, cancellationToken);

    /// <summary>
    /// The daemon's scheduled digest: when <c>Digest.Schedule</c> has an occurrence after <paramref name="lastCheck"/>
    /// that is due, makes (and mails) a digest covering the time since the last digest, at most <c>Digest.Window</c>,
    /// and with <c>Digest.Audio</c> reads it aloud as a podcast episode (a speech failure is reported, the digest kept).
    /// Returns the made digest, or null when none was due.
    /// </summary>
    public async Task<DigestResult?> RunScheduledDigestAsync(DateTimeOffset lastCheck, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Options.Digest.Schedule))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var due = SourceSchedule.FromCron(Options.Digest.Schedule).Next(lastCheck);
        if (due > now)
        {
            return null;
        }

        var last = (await _digests.ListDigestsAsync(1, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        var since = now - Options.Digest.Window;
        if (last is not null && last.WindowEnd > since)
        {
            since = last.WindowEnd;
        }

        var digest = await CreateDigestAsync(since, null, store: true, send: true, cancellationToken).ConfigureAwait(false);
        if (!Options.Digest.Audio)
        {
            return digest;
        }

        try
        {
            return digest with { Audio = await CreateAudioDigestAsync(digest, cancellationToken).ConfigureAwait(false) };
        }
        catch (Audio.SpeechException exception)
        {
            return digest with { AudioError = $"audio digest not made: {exception.Message}" };
        }
    }

    /// <summary>Records that the user opened an item (so resurfacing leaves it alone for a while); false when no item matches.</summary>
    public async Task<bool> MarkOpenedAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var id = await ResolveIdAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        return id is not null && await _resurfacing.MarkOpenedAsync(id, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets an item's reading status and favourite mark (null leaves one as it is); false when no item matches.</summary>
    public async Task<bool> MarkAsync(string idOrPrefix, ItemStatus? status, bool? favourite, CancellationToken cancellationToken)
    {
        var id = await ResolveIdAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        return id is not null && await _digests.SetMarksAsync(id, status, favourite, cancellationToken).ConfigureAwait(false);
    }
}
