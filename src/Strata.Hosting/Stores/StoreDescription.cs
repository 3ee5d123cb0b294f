namespace Strata.Hosting.Stores;

/// <summary>What a knowledge base runs on, for <c>strata doctor</c>: engine, location (no credentials), vectors, originals, queue.</summary>
/// <param name="Provider">sqlite or postgres.</param>
/// <param name="Location">The database file, or host:port/database.</param>
/// <param name="SchemaVersion">The schema version this build migrates the engine to.</param>
/// <param name="VectorSearch">How nearest passages are found.</param>
/// <param name="BlobPath">Where originals are stored.</param>
/// <param name="Queue">How workers share the job queue.</param>
/// <param name="BlobStore">Which blob store holds the originals: pack files, one file per original, or an S3-compatible bucket.</param>
public sealed record StoreDescription(string Provider, string Location, int SchemaVersion, string VectorSearch, string BlobPath, string Queue, string BlobStore);
