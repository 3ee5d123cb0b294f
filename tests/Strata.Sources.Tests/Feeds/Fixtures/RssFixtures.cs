namespace Strata.Sources.Tests.Feeds.Fixtures;

/// <summary>Hand-written RSS feeds, one per version, with the quirks real feeds have.</summary>
internal static class RssFixtures
{
    public const string Rss091 = """
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
        <rss version="0.91">
          <channel>
            <title>Old Times</title>
            <link>http://old.example.com/</link>
            <description>News from 1999</description>
            <language>en-us</language>
            <item>
              <title>First post</title>
              <link>http://old.example.com/first.html</link>
              <description>Hello &amp; welcome to the café</description>
            </item>
            <item>
              <title>Second post</title>
              <link>/second.html</link>
            </item>
          </channel>
        </rss>
        """;

    public const string Rss092 = """
        <?xml version="1.0"?>
        <rss version="0.92">
          <channel>
            <title>Radio Show</title>
            <link>http://radio.example.org/</link>
            <description>Weekly</description>
            <item>
              <description>Episode without a title</description>
              <category domain="http://radio.example.org/cats">Music</category>
              <enclosure url="http://radio.example.org/ep1.mp3" length="12216320" type="audio/mpeg" />
            </item>
          </channel>
        </rss>
        """;

    public const string Rss10 = """
        <?xml version="1.0" encoding="utf-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                 xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="http://rdf.example.net/">
            <title>RDF Site</title>
            <link>http://rdf.example.net/</link>
            <description>An RSS 1.0 feed</description>
            <items>
              <rdf:Seq><rdf:li resource="http://rdf.example.net/a" /></rdf:Seq>
            </items>
          </channel>
          <item rdf:about="http://rdf.example.net/a">
            <title>Item A</title>
            <link>http://rdf.example.net/a</link>
            <description>About A</description>
            <dc:creator>Ada Lovelace</dc:creator>
            <dc:creator>Charles Babbage</dc:creator>
            <dc:date>2024-03-05T10:20:30+01:00</dc:date>
            <dc:subject>computing</dc:subject>
          </item>
        </rdf:RDF>
        """;

    public const string Rss090 = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
          <channel>
            <title>Mozilla Dot Org</title>
            <link>http://www.mozilla.org</link>
            <description>the Mozilla Organization web site</description>
          </channel>
          <item>
            <title>New Status Updates</title>
            <link>http://www.mozilla.org/status/</link>
          </item>
        </rdf:RDF>
        """;

    public const string Rss20 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
             xmlns:atom="http://www.w3.org/2005/Atom">
          <channel>
            <title>Modern Blog</title>
            <link>https://blog.example.com/</link>
            <atom:link href="https://blog.example.com/feed.xml" rel="self" type="application/rss+xml" />
            <description>Thoughts</description>
            <item>
              <title>Not a permalink</title>
              <link>https://blog.example.com/posts/1</link>
              <guid isPermaLink="false">tag:blog.example.com,2024:1</guid>
              <pubDate>Tue, 02 Jan 2024 03:04:05 GMT+0100</pubDate>
              <author>jane@example.com (Jane Doe)</author>
              <category>dotnet</category>
              <category>feeds</category>
              <category>dotnet</category>
              <description><![CDATA[<p>Short teaser.</p>]]></description>
              <content:encoded><![CDATA[<p>The full article.</p>]]></content:encoded>
              <enclosure url="/media/talk.mp3" length="1" type="audio/mpeg" />
            </item>
            <item>
              <title>Permalink guid only</title>
              <guid>https://blog.example.com/posts/2</guid>
              <pubDate>5 Feb 2024 14:00 EST</pubDate>
              <dc:creator>John Roe</dc:creator>
            </item>
            <item>
              <title>Relative link, no guid</title>
              <link>posts/3?x=1</link>
              <pubDate>Thu, 7 Mar 24 08:00:00 +0530</pubDate>
            </item>
          </channel>
        </rss>
        """;
}
