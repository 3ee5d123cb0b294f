namespace Strata.Core.Items;

/// <summary>A tag on an item, with where it came from and how sure that origin is (1 for the user's own).</summary>
public sealed record ItemTag(string Name, TagOrigin Origin = TagOrigin.User, double Confidence = 1.0)
{
    /// <summary>Tags are stored trimmed and lower-cased; hierarchy uses '/'.</summary>
    public static string Normalize(string name) => name.Trim().Trim('#').ToLowerInvariant();
}

/// <summary>Who put a tag on an item.</summary>
public enum TagOrigin
{
    User,
    Source,
    Rule,
    Learned,
    Semantic,
    Llm,
}
