namespace Strata.Sources.Tests.Feeds.Fixtures;

/// <summary>A hand-written Atom 1.0 feed exercising xml:base, link relations, authors and content types.</summary>
internal static class AtomFixtures
{
    public const string Atom10 = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.com/blog/">
          <title type="html">Atom &lt;em&gt;Site&lt;/em&gt;</title>
          <subtitle>All the news</subtitle>
          <link rel="self" href="/blog/feed.atom" />
          <link href="./" />
          <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
          <updated>2024-05-01T12:00:00Z</updated>
          <author><name>Feed Author</name></author>
          <entry xml:base="2024/">
            <title>Entry one</title>
            <link rel="self" href="https://atom.example.com/api/1" />
            <link rel="alternate" type="application/json" href="one.json" />
            <link rel="alternate" type="text/html" href="one.html" />
            <link rel="enclosure" type="audio/mpeg" href="one.mp3" />
            <id>tag:atom.example.com,2024:1</id>
            <published>2024-04-30T09:00:00-07:00</published>
            <updated>2024-05-01T10:00:00.123Z</updated>
            <author><name>Alice</name><email>alice@example.com</email></author>
            <author><name>Bob</name></author>
            <category term="news" label="News" />
            <category term="atom" />
            <summary>Plain &lt;b&gt;text&lt;/b&gt; summary</summary>
            <content type="html">&lt;p&gt;HTML &lt;b&gt;content&lt;/b&gt;&lt;/p&gt;</content>
          </entry>
          <entry>
            <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Entry <i>two</i></div></title>
            <link href="two.html" xml:base="/elsewhere/" />
            <id>tag:atom.example.com,2024:2</id>
            <updated>2024-05-02T08:00:00+02:00</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>XHTML <a href="x.html">content</a></p></div></content>
          </entry>
          <entry>
            <title>Entry three</title>
            <link href="three" />
            <id>tag:atom.example.com,2024:3</id>
            <updated>2024-05-03T08:00:00Z</updated>
            <content type="text">Line one &lt;not a tag&gt;
        line two</content>
          </entry>
        </feed>
        """;
}
