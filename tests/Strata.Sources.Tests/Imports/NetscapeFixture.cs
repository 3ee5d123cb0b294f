using System.Globalization;
using System.Text;

namespace Strata.Sources.Tests.Imports;

/// <summary>Builds Chrome-shaped Netscape exports of any size, with base64 icons like real ones.</summary>
internal static class NetscapeFixture
{
    private static readonly string Icon = "data:image/png;base64," + new string('A', 600);

    public static string Generate(int count, int foldersOf)
    {
        var html = new StringBuilder("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n");
        var perFolder = count / foldersOf;
        for (var folder = 0; folder < foldersOf; folder++)
        {
            html.Append(CultureInfo.InvariantCulture, $"  <DT><H3 ADD_DATE=\"1700000000\">Folder {folder}</H3>\n  <DL><p>\n");
            html.Append("    <DT><H3>Sub</H3>\n    <DL><p>\n");
            for (var i = folder * perFolder; i < (folder + 1) * perFolder; i++)
            {
                html.Append(CultureInfo.InvariantCulture, $"      <DT><A HREF=\"https://site{folder}.example.com/articles/{i}\" ADD_DATE=\"{1600000000 + i}\" ICON=\"{Icon}\" TAGS=\"tag{folder}\">Article number {i} &amp; more</A>\n");
            }

            html.Append("    </DL><p>\n  </DL><p>\n");
        }

        return html.Append("</DL><p>\n").ToString();
    }
}
