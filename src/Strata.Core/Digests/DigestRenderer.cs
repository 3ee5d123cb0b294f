using System.Globalization;
using System.Net;
using System.Text;

namespace Strata.Core.Digests;

/// <summary>Writes a digest as Markdown, HTML (for mail and files) or plain text (the mail's text part). Pure.</summary>
public static class DigestRenderer
{
    public static string Title(Digest digest) =>
        string.Create(CultureInfo.InvariantCulture, $"Strata digest: {digest.ItemCount} new item(s), {digest.WindowStart:yyyy-MM-dd HH:mm} to {digest.WindowEnd:yyyy-MM-dd HH:mm} UTC")
        + (digest.Tag is null ? string.Empty : $" (#{digest.Tag})");

    public static string Markdown(Digest digest)
    {
        var text = new StringBuilder().Append("# ").Append(Title(digest)).Append("\n\n");
        if (digest.ItemCount == 0)
        {
            return MarkdownResurfaced(text.Append("Nothing new arrived in this window.\n"), digest).ToString();
        }

        text.Append("## Top stories\n\n");
        foreach (var entry in digest.TopStories)
        {
            MarkdownEntry(text, entry);
        }

        foreach (var group in digest.Groups)
        {
            text.Append("\n## ").Append(group.Name).Append(" (").Append(group.Entries.Count).Append(")\n\n");
            foreach (var entry in group.Entries)
            {
                MarkdownEntry(text, entry);
            }
        }

        return MarkdownResurfaced(text, digest).ToString();
    }

    public static string PlainText(Digest digest)
    {
        var text = new StringBuilder().Append(Title(digest)).Append("\n\n");
        if (digest.ItemCount == 0)
        {
            return PlainResurfaced(text.Append("Nothing new arrived in this window.\n"), digest).ToString();
        }

        text.Append("TOP STORIES\n\n");
        foreach (var entry in digest.TopStories)
        {
            PlainEntry(text, entry);
        }

        foreach (var group in digest.Groups)
        {
            text.Append('\n').Append(group.Name.ToUpperInvariant()).Append("\n\n");
            foreach (var entry in group.Entries)
            {
                PlainEntry(text, entry);
            }
        }

        return PlainResurfaced(text, digest).ToString();
    }

    public static string Html(Digest digest)
    {
        var text = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(Title(digest))).Append("</title></head>\n<body style=\"font-family:sans-serif;max-width:46em\">\n<h1>")
            .Append(Encode(Title(digest))).Append("</h1>\n");
        if (digest.ItemCount == 0)
        {
            return HtmlResurfaced(text.Append("<p>Nothing new arrived in this window.</p>\n"), digest).Append("</body></html>\n").ToString();
        }

        text.Append("<h2>Top stories</h2>\n<ul>\n");
        foreach (var entry in digest.TopStories)
        {
            HtmlEntry(text, entry);
        }

        text.Append("</ul>\n");
        foreach (var group in digest.Groups)
        {
            text.Append("<h2>").Append(Encode(group.Name)).Append("</h2>\n<ul>\n");
            foreach (var entry in group.Entries)
            {
                HtmlEntry(text, entry);
            }

            text.Append("</ul>\n");
        }

        return HtmlResurfaced(text, digest).Append("</body></html>\n").ToString();
    }

    public const string ResurfacedHeading = "From your archive";

    private static StringBuilder MarkdownResurfaced(StringBuilder text, Digest digest)
    {
        if (digest.Resurfaced.Count > 0)
        {
            text.Append("\n## ").Append(ResurfacedHeading).Append("\n\n");
            foreach (var entry in digest.Resurfaced)
            {
                MarkdownEntry(text, entry);
            }
        }

        return text;
    }

    private static StringBuilder PlainResurfaced(StringBuilder text, Digest digest)
    {
        if (digest.Resurfaced.Count > 0)
        {
            text.Append('\n').Append(ResurfacedHeading.ToUpperInvariant()).Append("\n\n");
            foreach (var entry in digest.Resurfaced)
            {
                PlainEntry(text, entry);
            }
        }

        return text;
    }

    private static StringBuilder HtmlResurfaced(StringBuilder text, Digest digest)
    {
        if (digest.Resurfaced.Count > 0)
        {
            text.Append("<h2>").Append(ResurfacedHeading).Append("</h2>\n<ul>\n");
            foreach (var entry in digest.Resurfaced)
            {
                HtmlEntry(text, entry);
            }

            text.Append("</ul>\n");
        }

        return text;
    }

    private static void MarkdownEntry(StringBuilder text, DigestEntry entry)
    {
        var title = entry.Title.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
        text.Append("- ").Append(entry.Link is null ? $"**{title}**" : $"[{title}]({entry.Link})").Append(" — ").Append(entry.Source);
        if (entry.OneLine.Length > 0)
        {
            text.Append(": ").Append(entry.OneLine);
        }

        text.Append(" `").Append(entry.ItemId).Append("`\n");
    }

    private static void PlainEntry(StringBuilder text, DigestEntry entry)
    {
        text.Append("* ").Append(entry.Title).Append(" (").Append(entry.Source).Append(")\n");
        if (entry.OneLine.Length > 0)
        {
            text.Append("  ").Append(entry.OneLine).Append('\n');
        }

        text.Append("  ").Append(entry.Link ?? $"strata show {entry.ItemId}").Append('\n');
    }

    private static void HtmlEntry(StringBuilder text, DigestEntry entry)
    {
        text.Append("<li>");
        text.Append(entry.Link is null ? $"<strong>{Encode(entry.Title)}</strong>" : $"<a href=\"{Encode(entry.Link)}\">{Encode(entry.Title)}</a>");
        text.Append(" <small>").Append(Encode(entry.Source)).Append("</small>");
        if (entry.OneLine.Length > 0)
        {
            text.Append("<br>").Append(Encode(entry.OneLine));
        }

        text.Append("</li>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
