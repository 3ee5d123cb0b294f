namespace Strata.Cli.Output;

/// <summary>
/// One keystroke at a time from a person at the terminal, or one line at a time when standard input is piped (so a
/// script can drive a session: an empty line is Enter, a line's first character is the key). Null at end of input.
/// </summary>
internal static class KeyInput
{
    public static bool IsPiped => Console.IsInputRedirected;

    public static char? Read()
    {
        if (IsPiped)
        {
            var line = Console.In.ReadLine();
            return line is null ? null : line.Trim() is { Length: > 0 } text ? char.ToLowerInvariant(text[0]) : '\n';
        }

        var key = Console.ReadKey(intercept: true);
        return key.Key is ConsoleKey.Enter or ConsoleKey.Spacebar ? '\n' : key.Key == ConsoleKey.Escape ? 'q' : char.ToLowerInvariant(key.KeyChar);
    }

    /// <summary>A typed answer: a line from the terminal or the pipe; null at end of input.</summary>
    public static string? ReadLine() => Console.In.ReadLine();
}
