namespace Strata.Bench;

/// <summary>The bench's console output.</summary>
internal static class Out
{
    public static void Line(string text) => Console.Out.WriteLine(text);
}
