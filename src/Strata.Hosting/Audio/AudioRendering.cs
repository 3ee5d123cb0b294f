using Strata.Core.Audio;

namespace Strata.Hosting.Audio;

/// <summary>A rendered audio digest before tagging: the MP3 frames, its length and chapters, and what could not be read.</summary>
/// <param name="Mp3">Untagged MP3.</param>
/// <param name="DurationMs">Length of the audio.</param>
/// <param name="Chapters">Each segment's span; a chapter runs until the next one starts.</param>
/// <param name="StoriesLeftOut">Stories cut by <see cref="AudioOptions.MaxDuration"/>.</param>
/// <param name="Problems">One line per segment the engine failed on (the rest was still read).</param>
/// <param name="SpeechSeconds">Time spent synthesizing (for the real-time factor).</param>
public sealed record AudioRendering(byte[] Mp3, long DurationMs, IReadOnlyList<AudioChapter> Chapters, int StoriesLeftOut, IReadOnlyList<string> Problems, double SpeechSeconds);
