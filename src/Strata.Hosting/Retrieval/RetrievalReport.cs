using Strata.Core.Search;

namespace Strata.Hosting.Retrieval;

/// <summary>The quality of one search mode on one data set, averaged over the judged queries.</summary>
public sealed record RetrievalReport(
    string DataSet, SearchMode Mode, int Documents, int Queries, double NdcgAt10, double RecallAt100, double MrrAt10,
    double IndexSeconds, double EmbedSeconds, double MeanQueryMilliseconds, string? Model, string? Notice);
