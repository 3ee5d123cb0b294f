namespace Strata.Hosting.Stores;

/// <summary>What <c>strata migrate</c> did and whether the copy verified.</summary>
/// <param name="Target">The target engine and location (no credentials).</param>
/// <param name="Tables">Per table: rows copied now, and the rows and digests on both sides.</param>
/// <param name="BlobsCopied">Originals written to the target (those it already had are skipped).</param>
/// <param name="BlobsChecked">Originals read back from the target whose SHA-256 matches their name.</param>
/// <param name="MissingBlobs">Referenced originals neither side could provide (missing from the source too).</param>
/// <param name="Indexed">Items whose keyword index was rebuilt on the target.</param>
public sealed record MigrationReport(string Target, IReadOnlyList<TableMigration> Tables, int BlobsCopied, int BlobsChecked, IReadOnlyList<string> MissingBlobs, int Indexed)
{
    /// <summary>Referenced originals the target does not hold intact after the copy (missing, or bytes that do not match their name).</summary>
    public IReadOnlyList<string> DamagedBlobs { get; init; } = [];

    /// <summary>Every table has the same count and digest on both sides and every original is there, intact.</summary>
    public bool Verified => Tables.All(table => table.Matches) && MissingBlobs.Count == 0 && DamagedBlobs.Count == 0;
}

/// <param name="Table">The table.</param>
/// <param name="Copied">Rows inserted by this run.</param>
/// <param name="SourceRows">Rows on the source.</param>
/// <param name="TargetRows">Rows on the target after the copy.</param>
/// <param name="SourceDigest">Order-independent SHA-256-based digest of the source rows.</param>
/// <param name="TargetDigest">The same over the target rows.</param>
public sealed record TableMigration(string Table, long Copied, long SourceRows, long TargetRows, string SourceDigest, string TargetDigest)
{
    public bool Matches => SourceRows == TargetRows && SourceDigest == TargetDigest;
}
