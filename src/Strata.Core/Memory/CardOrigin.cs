namespace Strata.Core.Memory;

/// <summary>How a card came to be.</summary>
public enum CardOrigin
{
    User,
    Highlight,
    Cloze,
    Llm,
    Import,
}
