namespace Strata.Hosting.Memory;

/// <summary>What an import did: cards added, rows skipped as duplicates, and one line per row that could not be read.</summary>
public sealed record CardImportReport(int Added, int Duplicates, IReadOnlyList<string> Problems);
