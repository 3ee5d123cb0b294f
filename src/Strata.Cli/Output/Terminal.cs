using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace Strata.Cli.Output;

/// <summary>The CLI's only way to write: plain lines, errors, tables and JSON.</summary>
internal static class Terminal
{
    private static readonly Lazy<IAnsiConsole> Console = new(() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(System.Console.Out),
    }));

    public static IAnsiConsole Ansi => Console.Value;

    /// <summary>Whether a person is watching (progress bars only then).</summary>
    public static bool IsInteractive => !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected;

    public static void Line(string text = "") => System.Console.Out.WriteLine(text);

    public static void Error(string text) => System.Console.Error.WriteLine("strata: " + text);

    /// <summary>Prints JSON; <paramref name="type"/> comes from <see cref="CliJson.Relaxed"/> so CJK text stays readable.</summary>
    public static void Json<T>(T value, JsonTypeInfo<T> type) => System.Console.Out.WriteLine(JsonSerializer.Serialize(value, type));

    public static void Write(Spectre.Console.Rendering.IRenderable renderable) => Ansi.Write(renderable);

    public static string Escape(string? text) => Markup.Escape(text ?? string.Empty);

    /// <summary>Turns snippet markers <c>[</c>…<c>]</c> into highlighted markup.</summary>
    public static string Highlight(string snippet, string open, string close) =>
        Escape(snippet).Replace(Escape(open), "[bold yellow]", StringComparison.Ordinal).Replace(Escape(close), "[/]", StringComparison.Ordinal);
}
