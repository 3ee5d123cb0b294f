namespace Strata.Core.Audio;

/// <summary>One stretch of speech in an audio digest: what is said, in which language, and the chapter it opens.</summary>
/// <param name="Text">Text already prepared for listening (see <see cref="ListeningText"/>).</param>
/// <param name="Language">ISO 639-1 code (<c>en</c>, <c>zh</c>…) the voice is chosen by.</param>
/// <param name="Chapter">Chapter title shown by podcast apps.</param>
/// <param name="ItemId">The story's item, or null for the intro and outro.</param>
/// <param name="Link">The story's link, when it has one.</param>
/// <param name="Source">Where the story came from (site or file), when it is a story.</param>
public sealed record SpeechSegment(string Text, string Language, string Chapter, string? ItemId = null, string? Link = null, string? Source = null)
{
    public bool IsStory => ItemId is not null;
}
