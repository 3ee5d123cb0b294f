namespace Strata.Storage.Sqlite.Blobs;

/// <summary>Where a blob's bytes sit: a pack file name (under the packs folder), the offset of its first byte and its length.</summary>
public sealed record BlobLocation(string Pack, long Offset, long Length);
