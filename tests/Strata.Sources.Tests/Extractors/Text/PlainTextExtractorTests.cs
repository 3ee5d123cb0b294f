using Strata.Core.Extraction;
using Strata.Sources.Encoding;
using Strata.Sources.Extractors.Text;
using Xunit;

namespace Strata.Sources.Tests.Extractors.Text;

public sealed class PlainTextExtractorTests
{
    private readonly PlainTextExtractor _extractor = new();

    [Fact]
    public async Task ExtractAsync_Gb18030Bytes_DecodesChinese()
    {
        const string Text = "结构化笔记\n把零散的想法整理成有层次的知识，是建立个人知识库的第一步。每一条笔记都应该有清楚的标题和链接。\n";
        var bytes = TextDecoder.TryGetEncoding("gb18030")!.GetBytes(string.Concat(Enumerable.Repeat(Text, 5)));

        var document = await ExtractAsync(bytes);

        Assert.StartsWith(Text, document.Text, StringComparison.Ordinal);
        Assert.Equal("结构化笔记", document.Title);
    }

    [Fact]
    public async Task ExtractAsync_ShiftJisBytes_DecodesJapanese()
    {
        const string Text = "読書ノート\n毎日少しずつ本を読み、気づいたことを短いメモに書き残す。後で検索できるように、タグを付けておくと便利です。\n";
        var bytes = TextDecoder.TryGetEncoding("shift_jis")!.GetBytes(string.Concat(Enumerable.Repeat(Text, 5)));

        var document = await ExtractAsync(bytes);

        Assert.StartsWith(Text, document.Text, StringComparison.Ordinal);
        Assert.Equal("読書ノート", document.Title);
    }

    [Fact]
    public async Task ExtractAsync_MixedLineEndings_NormalisesToLf()
    {
        var document = await ExtractAsync("\r\n  Title line  \r\nsecond\rthird\n"u8.ToArray());

        Assert.Equal("\n  Title line  \nsecond\nthird\n", document.Text);
        Assert.Equal("Title line", document.Title);
    }

    [Fact]
    public async Task ExtractAsync_LongFirstLine_HasNoTitle()
    {
        var document = await ExtractAsync(System.Text.Encoding.UTF8.GetBytes(new string('a', 130) + "\nrest"));

        Assert.Null(document.Title);
    }

    [Fact]
    public async Task ExtractAsync_DeclaredCharset_WinsOverDetection()
    {
        var bytes = TextDecoder.TryGetEncoding("windows-1252")!.GetBytes("Café notes");

        var document = await _extractor.ExtractAsync(
            new ExtractionInput(bytes, MediaTypes.PlainText) { DeclaredCharset = "windows-1252" }, CancellationToken.None);

        Assert.Equal("Café notes", document.Text);
    }

    private Task<ExtractedDocument> ExtractAsync(byte[] bytes) =>
        _extractor.ExtractAsync(new ExtractionInput(bytes, MediaTypes.PlainText), CancellationToken.None);
}
