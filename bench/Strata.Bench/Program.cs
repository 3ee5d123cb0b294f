using Strata.Bench;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (args is [MemoryBenchmark.IngestOnlyCommand, var dataPath, var corpus])
{
    return await MemoryBenchmark.IngestOnlyAsync(dataPath, corpus, cancellation.Token);
}

return await BenchRunner.RunAsync(BenchOptions.Parse(args), cancellation.Token);
