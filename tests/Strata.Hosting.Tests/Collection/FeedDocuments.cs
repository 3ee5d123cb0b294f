namespace Strata.Hosting.Tests.Collection;

/// <summary>Small feeds and article pages, written out as raw text. <c>{base}</c> stands for the fixture server's root.</summary>
internal static class FeedDocuments
{
    public const string RssType = "application/rss+xml";

    /// <summary>A sentence that is only in the article pages, never in a feed summary.</summary>
    public const string ArticleOnly = "Analytical engines weave algebraic patterns just as the Jacquard loom weaves flowers and leaves.";

    public static string Article(string title) => $"""
        <html lang="en"><head><title>{title}</title><meta name="author" content="Ada Lovelace"></head>
        <body><nav><a href="/">Home</a> | <a href="/about">About</a></nav><article><h1>{title}</h1>
        <p>{ArticleOnly} This essay is called {title}.</p>
        <p>The engine might compose elaborate and scientific pieces of music of any degree of complexity or extent.</p>
        </article><footer>All rights reserved</footer></body></html>
        """;

    /// <summary>An RSS 2.0 feed; each entry has a GUID, a link and a short summary only.</summary>
    public static string Rss(string baseUrl, string title, params (string Guid, string Title, string Link)[] entries)
    {
        var items = string.Concat(entries.Select(entry =>
            $"<item><guid isPermaLink=\"false\">{entry.Guid}</guid><title>{entry.Title}</title><link>{Absolute(baseUrl, entry.Link)}</link>" +
            $"<description>A short teaser for {entry.Title}.</description><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate></item>"));
        return $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title><link>{baseUrl}</link><description>Fixture feed</description>{items}</channel></rss>""";
    }

    /// <summary>The same single summary-only entry in every feed format; its link is <c>{base}page/{slug}</c>.</summary>
    public static (string Body, string ContentType) InFormat(string format, string baseUrl, string slug, string title)
    {
        var link = $"{baseUrl}page/{slug}";
        var body = format switch
        {
            "rss091" => $"""
                <?xml version="1.0"?><rss version="0.91"><channel><title>Old School</title><link>{baseUrl}</link><description>d</description><language>en</language>
                <item><title>{title}</title><link>{link}</link><description>A short teaser.</description></item></channel></rss>
                """,
            "rss10" => $"""
                <?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel rdf:about="{baseUrl}"><title>RDF Site</title><link>{baseUrl}</link><description>d</description><items><rdf:Seq><rdf:li rdf:resource="{link}"/></rdf:Seq></items></channel>
                <item rdf:about="{link}"><title>{title}</title><link>{link}</link><description>A short teaser.</description><dc:date>2024-05-01T10:00:00Z</dc:date><dc:creator>Ada Lovelace</dc:creator></item></rdf:RDF>
                """,
            "rss20" => Rss(baseUrl, "Twenty", ("guid-20", title, link)),
            "atom" => $"""
                <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Site</title><id>urn:uuid:feed</id><updated>2024-05-01T10:00:00Z</updated>
                <entry><title>{title}</title><id>urn:uuid:entry-1</id><link rel="alternate" href="{link}"/><updated>2024-05-01T10:00:00Z</updated><author><name>Ada Lovelace</name></author><summary>A short teaser.</summary></entry></feed>
                """,
            "json" => $$"""
                {"version": "https://jsonfeed.org/version/1.1", "title": "JSON Site", "home_page_url": "{{baseUrl}}",
                 "items": [{"id": "json-1", "url": "{{link}}", "title": "{{title}}", "summary": "A short teaser.", "date_published": "2024-05-01T10:00:00Z"}]}
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown feed format"),
        };
        var contentType = format switch
        {
            "atom" => "application/atom+xml",
            "json" => "application/feed+json",
            "rss10" => "application/rdf+xml",
            _ => RssType,
        };
        return (body, contentType);
    }

    private static string Absolute(string baseUrl, string link) => link.StartsWith("http", StringComparison.Ordinal) ? link : baseUrl + link.TrimStart('/');
}
