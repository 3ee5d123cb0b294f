using Strata.Cli;
using Strata.Hosting.Web;

// First, before the worker threads of serve, worker and daemon meet in glibc's heap.
NativeHeap.LimitArenas();
return await StrataCli.RunAsync(args);
