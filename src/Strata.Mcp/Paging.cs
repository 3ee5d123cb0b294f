using ModelContextProtocol;

namespace Strata.Mcp;

/// <summary>Checks offset and limit of result lists.</summary>
public static class Paging
{
    /// <exception cref="McpException">Out of range.</exception>
    public static (int Offset, int Limit) Check(int? offset, int? limit)
    {
        var from = offset ?? 0;
        var count = limit ?? McpLimits.DefaultResults;
        if (from < 0)
        {
            throw new McpException("offset must be 0 or more");
        }

        if (count is < 1 or > McpLimits.MaxResults)
        {
            throw new McpException($"limit must be between 1 and {McpLimits.MaxResults}");
        }

        if (from + count > McpLimits.MaxResultDepth)
        {
            throw new McpException($"offset + limit may not pass {McpLimits.MaxResultDepth}; narrow the query (tag:, after:, kind:) instead of paging deeper");
        }

        return (from, count);
    }

    /// <summary>The continuation line for a list that has more after <paramref name="next"/>.</summary>
    public static string Continuation(string tool, int next) => $"more results: call {tool} again with the same arguments and offset={next}";
}
