using Strata.Sources.Arxiv;
using Xunit;

namespace Strata.Sources.Tests.Arxiv;

public sealed class ArxivIdTests
{
    [Theory]
    [InlineData("2401.01234", "2401.01234", null)]
    [InlineData("2401.01234v3", "2401.01234", 3)]
    [InlineData("  arXiv:2401.01234 ", "2401.01234", null)]
    [InlineData("arxiv:0704.0001v2", "0704.0001", 2)]
    [InlineData("https://arxiv.org/abs/2401.01234v2", "2401.01234", 2)]
    [InlineData("https://arxiv.org/pdf/2401.01234v2.pdf", "2401.01234", 2)]
    [InlineData("https://arxiv.org/pdf/2401.01234", "2401.01234", null)]
    [InlineData("http://export.arxiv.org/abs/2401.01234", "2401.01234", null)]
    [InlineData("https://arxiv.org/html/2401.01234v1", "2401.01234", 1)]
    [InlineData("hep-th/9901001v1", "hep-th/9901001", 1)]
    [InlineData("http://arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001", 1)]
    [InlineData("math.GT/0309136", "math.GT/0309136", null)]
    [InlineData("cond-mat/0102536", "cond-mat/0102536", null)]
    public void TryParse_KnownForms_ReturnsIdAndVersion(string text, string expectedId, int? expectedVersion)
    {
        Assert.True(ArxivId.TryParse(text, out var id, out var version));

        Assert.Equal(expectedId, id);
        Assert.Equal(expectedVersion, version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("retrieval augmented")]
    [InlineData("2413.01234")]
    [InlineData("2401.123")]
    [InlineData("2401.01234v0")]
    [InlineData("2401.01234v")]
    [InlineData("https://example.org/abs/2401.01234")]
    [InlineData("https://arxiv.org/list/cs.CL/recent")]
    [InlineData("http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345")]
    [InlineData("HEP-TH/9901001")]
    public void TryParse_NotAnId_ReturnsFalse(string? text)
    {
        Assert.False(ArxivId.TryParse(text, out var id, out var version));

        Assert.Equal(string.Empty, id);
        Assert.Null(version);
    }
}
