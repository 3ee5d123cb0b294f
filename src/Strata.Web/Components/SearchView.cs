using Strata.Hosting.Retrieval;

namespace Strata.Web.Components;

/// <summary>A query, the mode asked for, and what came back (null before the user typed anything).</summary>
public sealed record SearchView(string Query, string Mode, int Limit, SearchResponse? Response, string? Error = null)
{
    public static readonly string[] Modes = ["auto", "keyword", "semantic", "hybrid"];

    /// <summary>The query with one more filter term, for facet links (values with spaces are quoted).</summary>
    public string With(string field, string value) =>
        $"/search?q={Uri.EscapeDataString($"{Query} {field}:{(value.Contains(' ', StringComparison.Ordinal) ? $"\"{value}\"" : value)}".Trim())}&mode={Mode}";
}
