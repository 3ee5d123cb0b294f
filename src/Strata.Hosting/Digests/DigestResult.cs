using Strata.Core.Digests;

namespace Strata.Hosting.Digests;

/// <summary>A made digest: its content, how it was stored (null when not), and where it was mailed or why mailing failed.</summary>
public sealed record DigestResult(Digest Digest, string Markdown, string Html, string PlainText, StoredDigest? Stored, string? DeliveredTo, string? DeliveryError);
