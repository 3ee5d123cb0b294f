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

if (args is [DevModes.CorpusOnlyCommand, var corpusFolder, var count, var seed])
{
    return DevModes.WriteCorpus(corpusFolder, count, seed);
}

if (args is [DevModes.SearchOnlyCommand, var searchData, .. var kinds] && kinds.Length <= 1)
{
    return await DevModes.SearchAsync(searchData, kinds.FirstOrDefault(), cancellation.Token);
}

if (args is [SearchCpuMode.Command, var cpuData, var cpuRounds, .. var cpuRest] && cpuRest.Length <= 2)
{
    return await SearchCpuMode.RunAsync(cpuData, cpuRounds, cpuRest.FirstOrDefault(), cpuRest.ElementAtOrDefault(1), cancellation.Token);
}

if (args is [PrefixSearchBenchmark.Command, var prefixData, .. var compare])
{
    return await PrefixSearchBenchmark.RunAsync(prefixData, compare.FirstOrDefault(), cancellation.Token);
}

if (args is [DevModes.AskOnlyCommand, var askData])
{
    return await DevModes.AskAsync(askData, cancellation.Token);
}

if (args is [FeedPollingBenchmark.PollOnlyCommand, var feedData, var feedUrls, var politeness])
{
    return await FeedPollingBenchmark.PollOnlyAsync(feedData, feedUrls, politeness, cancellation.Token);
}

if (args is [BookmarkImportBenchmark.ImportOnlyCommand, var importData, var importFile])
{
    return await BookmarkImportBenchmark.ImportOnlyAsync(importData, importFile, cancellation.Token);
}

if (args.Contains(AudioBenchmark.Flag))
{
    return await AudioBenchmark.RunAsync(args, cancellation.Token);
}

if (args.Contains(FsrsBenchmark.Flag))
{
    return FsrsBenchmark.Run(args);
}

if (args is ["--scaling-probe", var probeConnection, var probeItems, var probeFill])
{
    return await ScalingProbe.RunAsync(probeConnection, int.Parse(probeItems, System.Globalization.CultureInfo.InvariantCulture), probeFill == "fill", cancellation.Token);
}

if (args is ["--scaling-queue", var queueConnection, var queueBlobs, var queueFirst, var queueCount])
{
    // Dev mode: queue scaling notes into an existing PostgreSQL base (originals under queueBlobs), for profiling `strata worker`.
    return await ScalingBenchmark.QueuePostgresAsync(queueConnection, queueBlobs, int.Parse(queueFirst, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(queueCount, System.Globalization.CultureInfo.InvariantCulture), cancellation.Token);
}

if (args.Contains(ScalingBenchmark.Flag))
{
    return await ScalingBenchmark.RunAsync(args, cancellation.Token);
}

if (args.Contains(VectorBenchmark.Flag))
{
    return await VectorBenchmark.RunAsync(args, cancellation.Token);
}

return await BenchRunner.RunAsync(BenchOptions.Parse(args), cancellation.Token);
