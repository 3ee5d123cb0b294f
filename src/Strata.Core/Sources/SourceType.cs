namespace Strata.Core.Sources;

/// <summary>What a source watches; stored as its lower-case name.</summary>
public enum SourceType
{
    /// <summary>An RSS, Atom or JSON Feed.</summary>
    Feed,

    /// <summary>An arXiv API query.</summary>
    Arxiv,

    /// <summary>A local folder, recursively.</summary>
    Folder,

    /// <summary>One web page whose content changes are archived as versions.</summary>
    Page,
}
