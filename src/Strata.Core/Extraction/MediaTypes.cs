namespace Strata.Core.Extraction;

/// <summary>The media types Strata recognises, in one place.</summary>
public static class MediaTypes
{
    public const string Html = "text/html";
    public const string Xhtml = "application/xhtml+xml";
    public const string Markdown = "text/markdown";
    public const string PlainText = "text/plain";
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Zip = "application/zip";
    public const string Xml = "application/xml";
    public const string Json = "application/json";
    public const string OctetStream = "application/octet-stream";
}
