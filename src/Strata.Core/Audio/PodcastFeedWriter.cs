using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;

namespace Strata.Core.Audio;

/// <summary>
/// Writes a podcast feed: RSS 2.0 with the iTunes namespace, one item per <see cref="AudioEpisode"/> (newest
/// first) with an enclosure of exact length and type, a GUID that never changes (the digest id), an RFC 822
/// <c>pubDate</c>, the duration, and episode notes that link every story with its start time. Pure.
/// </summary>
public static class PodcastFeedWriter
{
    public const string ITunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Atom = "http://www.w3.org/2005/Atom";
    public const string GuidPrefix = "strata-digest-";

    /// <param name="channel">The show.</param>
    /// <param name="episodes">Episodes in any order.</param>
    /// <param name="feedUrl">Where the feed itself is served (<c>atom:link rel="self"</c>).</param>
    /// <param name="enclosureUrl">The absolute URL of an episode's MP3.</param>
    public static string Write(PodcastChannel channel, IEnumerable<AudioEpisode> episodes, string feedUrl, Func<AudioEpisode, string> enclosureUrl)
    {
        var output = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "itunes", null, ITunes);
            xml.WriteAttributeString("xmlns", "content", null, Content);
            xml.WriteAttributeString("xmlns", "atom", null, Atom);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", channel.Title);
            xml.WriteElementString("link", channel.Link ?? feedUrl);
            xml.WriteElementString("description", channel.Description);
            xml.WriteElementString("language", channel.Language);
            xml.WriteElementString("generator", "Strata");
            xml.WriteStartElement("atom", "link", Atom);
            xml.WriteAttributeString("href", feedUrl);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            xml.WriteElementString("itunes", "author", ITunes, channel.Author);
            xml.WriteElementString("itunes", "summary", ITunes, channel.Description);
            xml.WriteElementString("itunes", "type", ITunes, "episodic");
            xml.WriteElementString("itunes", "explicit", ITunes, "false");
            xml.WriteStartElement("itunes", "owner", ITunes);
            xml.WriteElementString("itunes", "name", ITunes, channel.Author);
            xml.WriteEndElement();
            xml.WriteStartElement("itunes", "category", ITunes);
            xml.WriteAttributeString("text", channel.Category);
            xml.WriteEndElement();
            if (channel.ImageUrl is { } image)
            {
                xml.WriteStartElement("image");
                xml.WriteElementString("url", image);
                xml.WriteElementString("title", channel.Title);
                xml.WriteElementString("link", channel.Link ?? feedUrl);
                xml.WriteEndElement();
                xml.WriteStartElement("itunes", "image", ITunes);
                xml.WriteAttributeString("href", image);
                xml.WriteEndElement();
            }

            foreach (var episode in episodes.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id, StringComparer.Ordinal))
            {
                Item(xml, episode, enclosureUrl(episode));
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + output + "\n";
    }

    /// <summary>The episode notes: what the episode covers, and each story with its link and start time.</summary>
    public static string Notes(AudioEpisode episode)
    {
        var notes = new StringBuilder("<p>").Append(WebUtility.HtmlEncode(episode.Title)).Append("</p>\n<ol>\n");
        foreach (var chapter in episode.Chapters.Where(chapter => chapter.ItemId is not null))
        {
            var title = WebUtility.HtmlEncode(chapter.Title);
            notes.Append("<li>").Append(Clock(chapter.StartMs)).Append(' ')
                .Append(chapter.Link is null ? title : $"<a href=\"{WebUtility.HtmlEncode(chapter.Link)}\">{title}</a>");
            if (chapter.Source is not null)
            {
                notes.Append(" — ").Append(WebUtility.HtmlEncode(chapter.Source));
            }

            notes.Append("</li>\n");
        }

        notes.Append("</ol>\n");
        if (episode.StoriesLeftOut > 0)
        {
            notes.Append(CultureInfo.InvariantCulture, $"<p>{episode.StoriesLeftOut} more stories are in the written digest.</p>\n");
        }

        return notes.ToString();
    }

    /// <summary><c>h:mm:ss</c> or <c>m:ss</c>.</summary>
    public static string Clock(long milliseconds)
    {
        var time = TimeSpan.FromMilliseconds(milliseconds);
        return time.TotalHours >= 1
            ? time.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : time.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }

    private static void Item(XmlWriter xml, AudioEpisode episode, string url)
    {
        var notes = Notes(episode);
        xml.WriteStartElement("item");
        xml.WriteElementString("title", episode.Title);
        xml.WriteElementString("description", notes);
        xml.WriteStartElement("content", "encoded", Content);
        xml.WriteCData(notes);
        xml.WriteEndElement();
        xml.WriteStartElement("enclosure");
        xml.WriteAttributeString("url", url);
        xml.WriteAttributeString("length", episode.Bytes.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("type", AudioEpisode.MediaType);
        xml.WriteEndElement();
        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", "false");
        xml.WriteString(GuidPrefix + episode.Id);
        xml.WriteEndElement();
        xml.WriteElementString("pubDate", episode.CreatedAt.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
        xml.WriteElementString("itunes", "duration", ITunes, ((long)Math.Round(episode.DurationMs / 1000.0)).ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("itunes", "episodeType", ITunes, "full");
        xml.WriteElementString("itunes", "explicit", ITunes, "false");
        xml.WriteEndElement();
    }
}
