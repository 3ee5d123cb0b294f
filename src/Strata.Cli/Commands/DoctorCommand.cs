using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary><c>strata doctor</c>: what the base runs on (engine, location, vector search, originals, queue) and whether it opens.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "Show the storage engine, vector search path, originals folder and queue mode, and check the base opens");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var store = kb.StoreDescription;
            var stats = await kb.StatisticsAsync(cancellationToken);
            var keywordSearch = store.Provider != "sqlite" ? "PostgreSQL full-text search"
                : await kb.IsRankedIndexCompleteAsync(cancellationToken) ? "ranked index (BM25 over segment postings)"
                : await kb.KeepsFullTextFallbackAsync(cancellationToken) ? "FTS5 until the ranked index is built (strata reindex, or the daemon does it once)"
                : "unavailable until the ranked index is rebuilt (strata reindex, or the daemon does it once)";
            if (parse.GetValue(GlobalOptions.Json))
            {
                Terminal.Json(
                    new DoctorJson(store.Provider, store.Location, store.SchemaVersion, keywordSearch, store.VectorSearch, store.BlobStore, store.BlobPath, store.Queue, stats.Items, stats.PendingJobs),
                    CliJson.Relaxed.DoctorJson);
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("", "");
            table.AddRow("store", Markup.Escape(store.Provider));
            table.AddRow("location", Markup.Escape(store.Location));
            table.AddRow("schema version", store.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("keyword search", Markup.Escape(keywordSearch));
            table.AddRow("vector search", Markup.Escape(store.VectorSearch));
            table.AddRow("blob store", Markup.Escape(store.BlobStore));
            table.AddRow("originals", Markup.Escape(store.BlobPath));
            table.AddRow("queue", Markup.Escape(store.Queue));
            table.AddRow("items", stats.Items.ToString("N0"));
            table.AddRow("queued jobs", stats.PendingJobs.ToString("N0"));
            Terminal.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
