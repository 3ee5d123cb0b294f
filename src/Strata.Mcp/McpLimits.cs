namespace Strata.Mcp;

/// <summary>The sizes every tool pages by, in one place.</summary>
public static class McpLimits
{
    /// <summary>Characters of text a call returns unless it asks for fewer or more.</summary>
    public const int DefaultTextChars = 20_000;

    /// <summary>Most characters of text one call returns.</summary>
    public const int MaxTextChars = 100_000;

    public const int DefaultResults = 10;

    /// <summary>Most results one call returns.</summary>
    public const int MaxResults = 50;

    /// <summary>Deepest a result list pages (offset plus limit); beyond this the query should be narrowed.</summary>
    public const int MaxResultDepth = 500;

    /// <summary>Related items <c>get_item</c> lists.</summary>
    public const int RelatedShown = 5;

    /// <summary>Longest tag name accepted from an agent.</summary>
    public const int MaxTagChars = 100;
}
