using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Strata.Bench;

/// <summary>One generated feed as served: the RSS bytes and their validators.</summary>
internal sealed record GeneratedFeed(byte[] Body, string ETag, DateTimeOffset LastModified);

/// <summary>
/// RSS 2.0 feeds with full content: <see cref="EntriesPerFeed"/> items each, a short description and a
/// <c>content:encoded</c> article of about <see cref="ContentChars"/> characters, so no article fetch is needed.
/// </summary>
internal static class FeedGenerator
{
    public const int EntriesPerFeed = 50;
    public const int ContentChars = 1500;
    private const int DescriptionWords = 20;
    private const int ParagraphChars = 500;
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Feed <paramref name="index"/>, whose links point at <paramref name="site"/>; deterministic for a seed.</summary>
    public static GeneratedFeed Generate(int index, Uri site, Vocabulary vocabulary, int seed)
    {
        var random = new Random(seed + index);
        var lastModified = Epoch.AddHours(index);
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n");
        xml.Append(CultureInfo.InvariantCulture, $"<title>Bench feed {index}</title>\n<link>{site}</link>\n<description>Generated feed {index}</description>\n");
        xml.Append(CultureInfo.InvariantCulture, $"<lastBuildDate>{lastModified.ToString("R", CultureInfo.InvariantCulture)}</lastBuildDate>\n");
        for (var entry = 0; entry < EntriesPerFeed; entry++)
        {
            var link = new Uri(site, $"feed/{index}/entry/{entry}");
            var published = lastModified.AddMinutes(-entry * 37);
            var title = CorpusGenerator.EnglishSentence(random, vocabulary, 6).TrimEnd('.');
            xml.Append("<item>\n");
            xml.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(title)}</title>\n<link>{link}</link>\n<guid isPermaLink=\"false\">bench-{index}-{entry}</guid>\n");
            xml.Append(CultureInfo.InvariantCulture, $"<pubDate>{published.ToString("R", CultureInfo.InvariantCulture)}</pubDate>\n");
            xml.Append(CultureInfo.InvariantCulture, $"<category>{vocabulary.NextEnglish(random)}</category>\n");
            xml.Append(CultureInfo.InvariantCulture, $"<description>{WebUtility.HtmlEncode(CorpusGenerator.EnglishSentence(random, vocabulary, DescriptionWords))}</description>\n");
            xml.Append("<content:encoded><![CDATA[").Append(Article(random, vocabulary)).Append("]]></content:encoded>\n</item>\n");
        }

        xml.Append("</channel>\n</rss>\n");
        var body = Encoding.UTF8.GetBytes(xml.ToString());
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 8))}\"";
        return new GeneratedFeed(body, etag, lastModified);
    }

    private static string Article(Random random, Vocabulary vocabulary)
    {
        var html = new StringBuilder();
        var text = 0;
        while (text < ContentChars)
        {
            var paragraph = new StringBuilder();
            while (paragraph.Length < ParagraphChars && text + paragraph.Length < ContentChars)
            {
                paragraph.Append(CorpusGenerator.EnglishSentence(random, vocabulary, random.Next(8, 20))).Append(' ');
            }

            text += paragraph.Length;
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph.ToString().TrimEnd())).Append("</p>");
        }

        return html.ToString();
    }
}
