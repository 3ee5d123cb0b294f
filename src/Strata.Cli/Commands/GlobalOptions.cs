using System.CommandLine;
using Strata.Hosting;
using Strata.Hosting.Configuration;

namespace Strata.Cli.Commands;

/// <summary>Options every command accepts, and opening the knowledge base they point at.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data directory (default: $STRATA_DATA, else ~/.local/share/strata)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON instead of tables",
        Recursive = true,
    };

    public static DataDirectory DataDirectory(ParseResult parse) => Hosting.Configuration.DataDirectory.Resolve(parse.GetValue(Data));

    /// <summary>The settings of the data directory (its strata.json and the environment), without opening the base.</summary>
    public static StrataOptions LoadOptions(ParseResult parse) => StrataConfiguration.Load(DataDirectory(parse));

    public static Task<KnowledgeBase> OpenAsync(ParseResult parse, CancellationToken cancellationToken) =>
        KnowledgeBase.OpenAsync(DataDirectory(parse), cancellationToken: cancellationToken);
}
