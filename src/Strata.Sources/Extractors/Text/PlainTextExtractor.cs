using Strata.Core.Extraction;
using Strata.Sources.Encoding;

namespace Strata.Sources.Extractors.Text;

/// <summary>
/// Decodes plain text (BOM, declared charset, then detection such as GB18030 or Shift-JIS),
/// normalises line endings and takes a short first line as the title. Stateless and thread-safe.
/// </summary>
public sealed class PlainTextExtractor : IExtractor
{
    private const int MaxTitleLength = 120;

    public bool CanExtract(string mediaType) => string.Equals(mediaType, MediaTypes.PlainText, StringComparison.OrdinalIgnoreCase);

    public Task<ExtractedDocument> ExtractAsync(ExtractionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        var text = LineEndings.Normalize(TextDecoder.Decode(input.Content.Span, input.DeclaredCharset));
        return Task.FromResult(new ExtractedDocument { Text = text, Title = TitleFrom(text) });
    }

    private static string? TitleFrom(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim();
            if (!trimmed.IsEmpty)
            {
                return trimmed.Length < MaxTitleLength ? trimmed.ToString() : null;
            }
        }

        return null;
    }
}
