using Strata.Core.Digests;

namespace Strata.Hosting.Digests;

/// <summary>A made digest: its content, how it was stored (null when not), and where it was mailed or why mailing failed.</summary>
public sealed record DigestResult(Digest Digest, string Markdown, string Html, string PlainText, StoredDigest? Stored, string? DeliveredTo, string? DeliveryError)
{
    /// <summary>The scheduled digest's podcast episode, when <c>Digest.Audio</c> is on and it was made.</summary>
    public Audio.AudioDigestResult? Audio { get; init; }

    /// <summary>Why the scheduled digest's episode was not made (the written digest is kept).</summary>
    public string? AudioError { get; init; }
}
