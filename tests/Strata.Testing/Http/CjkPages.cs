using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Strata.Testing.Http;

/// <summary>
/// Pages in legacy East Asian encodings, served by <see cref="FixtureServer"/>:
/// <c>/gbk</c> (GB18030, charset only in the header), <c>/gbk/meta</c> (charset only in a meta tag),
/// <c>/sjis</c> (Shift-JIS, charset only in the header) and <c>/sjis/meta</c> (charset only in a meta tag).
/// </summary>
public static class CjkPages
{
    /// <summary>The paragraph text of the GB18030 pages.</summary>
    public const string ChineseText = "知识库是存放文章、论文和笔记的地方。今天我们讨论汉字编码的问题。";

    /// <summary>The paragraph text of the Shift-JIS pages.</summary>
    public const string JapaneseText = "日本語の文章です。文字コードはシフトJISで保存されています。";

    /// <summary>The charset the GB18030 pages declare in the header.</summary>
    public const string ChineseHeaderCharset = "gb18030";

    /// <summary>The charset the Shift-JIS pages declare in the header.</summary>
    public const string JapaneseHeaderCharset = "shift_jis";

    static CjkPages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The GB18030 page bytes; <paramref name="metaCharset"/> adds a meta declaration when not null.</summary>
    public static byte[] Chinese(string? metaCharset) =>
        Encoding.GetEncoding("gb18030").GetBytes(Html("知识库", ChineseText, metaCharset));

    /// <summary>The Shift-JIS page bytes; <paramref name="metaCharset"/> adds a meta declaration when not null.</summary>
    public static byte[] Japanese(string? metaCharset) =>
        Encoding.GetEncoding("shift_jis").GetBytes(Html("日本語", JapaneseText, metaCharset));

    internal static void Map(WebApplication app)
    {
        Serve(app, "/gbk", Chinese(metaCharset: null), "text/html; charset=" + ChineseHeaderCharset);
        Serve(app, "/gbk/meta", Chinese(metaCharset: "gbk"), "text/html");
        Serve(app, "/sjis", Japanese(metaCharset: null), "text/html; charset=" + JapaneseHeaderCharset);
        Serve(app, "/sjis/meta", Japanese(metaCharset: "shift_jis"), "text/html");
    }

    private static void Serve(WebApplication app, string path, byte[] body, string contentType)
    {
        var content = new FixtureContent(body, contentType);
        app.MapGet(path, (RequestDelegate)content.WriteAsync);
    }

    private static string Html(string title, string text, string? metaCharset)
    {
        var meta = metaCharset is null
            ? string.Empty
            : $"<meta http-equiv=\"Content-Type\" content=\"text/html; charset={metaCharset}\">";
        return $"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body><article><h1>{title}</h1><p>{text}</p></article></body></html>";
    }
}
