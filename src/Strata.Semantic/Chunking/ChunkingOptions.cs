namespace Strata.Semantic.Chunking;

/// <summary>How items are cut into passages.</summary>
public sealed class ChunkingOptions
{
    /// <summary>
    /// Most tokens in one passage (o200k tokens). 256 stays inside the 512-token window of BERT-family models even
    /// after their WordPiece splits words further, and keeps passages focused enough to serve as snippets.
    /// </summary>
    public int MaxTokens { get; set; } = 256;

    /// <summary>Tokens a passage repeats from the one before when a section had to be cut mid-way.</summary>
    public int OverlapTokens { get; set; } = 32;
}
