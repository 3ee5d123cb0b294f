namespace Strata.Sources.Imports;

/// <summary>The export formats <see cref="ImportReader"/> understands.</summary>
public enum ImportFormat
{
    /// <summary>Netscape bookmark HTML, as exported by Chrome, Firefox, Safari and Edge.</summary>
    NetscapeBookmarks,

    /// <summary>Pocket's <c>ril_export.html</c> or its newer CSV export.</summary>
    Pocket,

    /// <summary>Omnivore's export: a JSON array, or the zip of <c>metadata_*.json</c> files.</summary>
    Omnivore,

    /// <summary>Readwise Reader's CSV export.</summary>
    ReadwiseReader,

    /// <summary>Karakeep (formerly Hoarder) JSON export.</summary>
    Karakeep,

    /// <summary>Plain text, one URL per line, optionally followed by a title.</summary>
    UrlList,
}
