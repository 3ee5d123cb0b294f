namespace Strata.Storage.Postgres;

/// <summary>How nearest passages are found on this base (<c>strata doctor</c> prints it).</summary>
public enum VectorSearchPath
{
    /// <summary>Vectors are read as float32 bytes and scored exactly in the application (Strata.Semantic's VectorIndex), as on SQLite.</summary>
    ExactScan,

    /// <summary>The pgvector extension is installed on the server; this build still scores exactly in the application.</summary>
    ExactScanPgvectorAvailable,
}
