using System.IO.Compression;
using Strata.Core.Extraction;

namespace Strata.Sources.Extractors.Docx;

/// <summary>
/// Inspects a DOCX's ZIP directory before anything decompresses it: rejects archives whose declared
/// uncompressed size passes a limit, whose entries claim absurd compression ratios, or that have too
/// many entries. .NET's <see cref="ZipArchive"/> stops inflating an entry at its declared size, so a
/// lying directory cannot smuggle more bytes past this check. Thread-safe.
/// </summary>
internal static class DocxArchiveGuard
{
    private const long RatioCheckThreshold = 1024 * 1024;
    private const long MaxCompressionRatio = 100;
    private const int MaxEntries = 10_000;
    private const string MainPart = "word/document.xml";

    /// <summary>Throws <see cref="ExtractionException"/> unless the archive is safe to open.</summary>
    public static void Check(ReadOnlyMemory<byte> content, long maxUncompressedBytes)
    {
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
            CheckEntries(archive, maxUncompressedBytes);
        }
        catch (InvalidDataException ex)
        {
            throw new ExtractionException($"the DOCX is damaged: {ex.Message}", ex);
        }
    }

    private static void CheckEntries(ZipArchive archive, long maxUncompressedBytes)
    {
        var limitMb = maxUncompressedBytes / (1024 * 1024);
        if (archive.Entries.Count > MaxEntries)
        {
            throw new ExtractionException($"the DOCX has more than {MaxEntries} parts (possible ZIP bomb)");
        }

        long total = 0;
        var hasMainPart = false;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
            if (total > maxUncompressedBytes)
            {
                throw new ExtractionException($"the DOCX expands to more than {limitMb} MB (possible ZIP bomb)");
            }

            if (entry.Length > RatioCheckThreshold && entry.Length > entry.CompressedLength * MaxCompressionRatio)
            {
                throw new ExtractionException(
                    $"the DOCX part '{entry.FullName}' is compressed more than {MaxCompressionRatio}:1 (possible ZIP bomb)");
            }

            hasMainPart |= entry.FullName.Equals(MainPart, StringComparison.OrdinalIgnoreCase);
        }

        if (!hasMainPart)
        {
            throw new ExtractionException($"the DOCX is damaged: it has no {MainPart}");
        }
    }
}
