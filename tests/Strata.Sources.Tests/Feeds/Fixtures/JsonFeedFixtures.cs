namespace Strata.Sources.Tests.Feeds.Fixtures;

/// <summary>Hand-written JSON Feeds (1.1 and 1.0).</summary>
internal static class JsonFeedFixtures
{
    public const string JsonFeed11 = """
        {
          "version": "https://jsonfeed.org/version/1.1",
          "title": "JSON Blog",
          "home_page_url": "https://json.example.com/",
          "feed_url": "https://json.example.com/feed.json",
          "description": "A JSON feed",
          "authors": [{ "name": "Feed Owner" }],
          "items": [
            {
              "id": "1",
              "url": "https://json.example.com/1",
              "title": "HTML item",
              "content_html": "<p>Hello <b>world</b></p>",
              "summary": "Hello",
              "date_published": "2024-06-01T10:00:00+02:00",
              "date_modified": "2024-06-02T10:00:00Z",
              "authors": [{ "name": "Grace" }, { "name": "Linus" }],
              "tags": ["json", "feeds"],
              "attachments": [{ "url": "/files/a.pdf", "mime_type": "application/pdf" }]
            },
            {
              "id": 42,
              "url": "/2",
              "title": "Text item",
              "content_text": "First paragraph with <angle> brackets.\n\nSecond paragraph."
            },
            {
              "external_url": "https://elsewhere.example.org/post",
              "title": "No id"
            }
          ]
        }
        """;

    public const string JsonFeed10 = """
        {
          "version": "https://jsonfeed.org/version/1",
          "title": "Old JSON",
          "items": [
            { "id": "a", "url": "https://old.example.com/a", "content_text": "x", "author": { "name": "Solo" } }
          ]
        }
        """;
}
