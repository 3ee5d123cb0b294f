namespace Strata.Hosting.Audio;

/// <summary>A speech engine or encoder could not do its work (missing program, failed request, unreadable audio). The message is one clear line.</summary>
public sealed class SpeechException(string message, Exception? inner = null) : Exception(message, inner);
