using System.Globalization;
using System.Net;
using System.Text;

namespace Strata.Bench;

/// <summary>
/// A Netscape bookmark file as browsers export it: folders nested two deep under the bookmarks bar, every link with
/// a unique URL, an <c>ADD_DATE</c>, <c>TAGS</c>, and a note on every tenth.
/// </summary>
internal static class BookmarkFileGenerator
{
    public const int TopFolders = 20;
    public const int SubFolders = 5;
    private const int NoteEvery = 10;
    private const int Hosts = 500;
    private static readonly DateTimeOffset Epoch = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="count"/> bookmarks to <paramref name="path"/>; returns the file's size in bytes.</summary>
    public static long Generate(string path, int count, Vocabulary vocabulary, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        text.Append("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n");
        text.Append("    <DT><H3 ADD_DATE=\"1420070400\" PERSONAL_TOOLBAR_FOLDER=\"true\">Bookmarks bar</H3>\n    <DL><p>\n");
        var perFolder = (count + (TopFolders * SubFolders) - 1) / (TopFolders * SubFolders);
        var written = 0;
        for (var top = 0; top < TopFolders && written < count; top++)
        {
            text.Append(CultureInfo.InvariantCulture, $"        <DT><H3 ADD_DATE=\"{Seconds(top)}\">{Title(random, vocabulary, 2)}</H3>\n        <DL><p>\n");
            for (var sub = 0; sub < SubFolders && written < count; sub++)
            {
                text.Append(CultureInfo.InvariantCulture, $"            <DT><H3 ADD_DATE=\"{Seconds(top + sub)}\">{Title(random, vocabulary, 1)}</H3>\n            <DL><p>\n");
                for (var link = 0; link < perFolder && written < count; link++, written++)
                {
                    var url = $"https://site{written % Hosts}.example.org/{vocabulary.NextEnglish(random)}/{written}";
                    var tags = $"{vocabulary.NextEnglish(random)},{vocabulary.NextEnglish(random)}";
                    text.Append(CultureInfo.InvariantCulture, $"                <DT><A HREF=\"{url}\" ADD_DATE=\"{Seconds(written)}\" TAGS=\"{tags}\">{Title(random, vocabulary, 5)}</A>\n");
                    if (written % NoteEvery == 0)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"                <DD>{WebUtility.HtmlEncode(CorpusGenerator.EnglishSentence(random, vocabulary, 12))}\n");
                    }
                }

                text.Append("            </DL><p>\n");
            }

            text.Append("        </DL><p>\n");
        }

        text.Append("    </DL><p>\n</DL><p>\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, bytes);
        return bytes.Length;
    }

    private static string Title(Random random, Vocabulary vocabulary, int words) => WebUtility.HtmlEncode(CorpusGenerator.EnglishSentence(random, vocabulary, words));

    private static long Seconds(int index) => Epoch.AddHours(index).ToUnixTimeSeconds();
}
