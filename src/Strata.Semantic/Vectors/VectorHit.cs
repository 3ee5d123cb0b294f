namespace Strata.Semantic.Vectors;

/// <summary>A passage found by vector search: its position in the index and its cosine similarity to the query.</summary>
public readonly record struct VectorHit(int Row, float Score);
