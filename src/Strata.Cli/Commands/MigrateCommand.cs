using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary><c>strata migrate --to</c>: copies the base to PostgreSQL or to a SQLite data directory, then verifies every table.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var to = new Option<string>("--to") { Description = "postgres://user:pass@host:port/db (or an Npgsql connection string), or a data directory for a SQLite base", Required = true };
        var blobs = new Option<string?>("--blobs") { Description = "Folder for the target's originals, or 's3' for the bucket Store.S3 describes (required for PostgreSQL; default for SQLite: the target's blobs folder)" };
        var command = new Command("migrate", "Copy this base to PostgreSQL or to a SQLite data directory (resumable), then verify counts and digests of every table") { to, blobs };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var kb = await GlobalOptions.OpenAsync(parse, cancellationToken);
            var json = parse.GetValue(GlobalOptions.Json);
            var progress = json ? null : new Progress<string>(Terminal.Line);
            var report = await kb.MigrateToAsync(parse.GetValue(to)!, parse.GetValue(blobs), progress, cancellationToken);
            if (json)
            {
                Terminal.Json(new MigrateJson(report.Target, report.Verified, report.BlobsCopied, report.BlobsChecked, report.MissingBlobs.ToArray(), report.DamagedBlobs.ToArray(), report.Indexed,
                    report.Tables.Select(table => new MigrateTableJson(table.Table, table.Copied, table.SourceRows, table.TargetRows, table.Matches)).ToArray()), CliJson.Relaxed.MigrateJson);
            }
            else
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumns("table", "copied now", "source rows", "target rows", "verified");
                foreach (var row in report.Tables)
                {
                    table.AddRow(row.Table, row.Copied.ToString("N0"), row.SourceRows.ToString("N0"), row.TargetRows.ToString("N0"), row.Matches ? "[green]yes[/]" : "[red]NO[/]");
                }

                Terminal.Write(table);
                foreach (var hash in report.MissingBlobs)
                {
                    Terminal.Error($"original {hash} is missing or damaged in the source; not copied");
                }

                foreach (var hash in report.DamagedBlobs)
                {
                    Terminal.Error($"original {hash} does not read back intact from the target");
                }

                Terminal.Line(report.Verified
                    ? $"migrated to {report.Target}: every table matches by count and digest; {report.BlobsChecked} original(s) read back intact"
                    : $"migration to {report.Target} did NOT verify: see the rows marked NO (run again to resume)");
            }

            return report.Verified ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
