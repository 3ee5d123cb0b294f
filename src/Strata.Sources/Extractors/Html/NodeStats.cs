namespace Strata.Sources.Extractors.Html;

/// <summary>Text measurements of one element's subtree, computed in one pass by <see cref="NodeStatsTable"/>.</summary>
internal sealed class NodeStats
{
    /// <summary>Characters of text with whitespace runs counted as one.</summary>
    public int TextLength { get; set; }

    /// <summary>Characters of text inside links (in-page <c>#</c> links weighted lower).</summary>
    public double LinkLength { get; set; }

    public int Commas { get; set; }

    public int Paragraphs { get; set; }

    public int Images { get; set; }

    public int ListItems { get; set; }

    public int Inputs { get; set; }

    public int Embeds { get; set; }

    public int HeadingTextLength { get; set; }

    /// <summary>Text inside list elements (<c>ul</c>, <c>ol</c>), nested lists counted again.</summary>
    public int ListTextLength { get; set; }

    /// <summary>Text inside "textish" elements (span, li, td, p, div, ...), nested ones counted again.</summary>
    public int TextishLength { get; set; }

    /// <summary>Readability content score; meaningful when <see cref="IsCandidate"/>.</summary>
    public double Score { get; set; }

    public bool IsCandidate { get; set; }

    public double LinkDensity => TextLength == 0 ? 0 : LinkLength / TextLength;

    public void Add(NodeStats other)
    {
        TextLength += other.TextLength;
        LinkLength += other.LinkLength;
        Commas += other.Commas;
        Paragraphs += other.Paragraphs;
        Images += other.Images;
        ListItems += other.ListItems;
        Inputs += other.Inputs;
        Embeds += other.Embeds;
        HeadingTextLength += other.HeadingTextLength;
        ListTextLength += other.ListTextLength;
        TextishLength += other.TextishLength;
    }

    public void Subtract(NodeStats other)
    {
        TextLength -= other.TextLength;
        LinkLength = Math.Max(0, LinkLength - other.LinkLength);
        Commas -= other.Commas;
        Paragraphs -= other.Paragraphs;
        Images -= other.Images;
        ListItems -= other.ListItems;
        Inputs -= other.Inputs;
        Embeds -= other.Embeds;
        HeadingTextLength -= other.HeadingTextLength;
        ListTextLength -= other.ListTextLength;
        TextishLength -= other.TextishLength;
    }
}
