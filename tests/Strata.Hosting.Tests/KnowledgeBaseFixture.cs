using Strata.Hosting.Configuration;
using Strata.Testing.Files;

namespace Strata.Hosting.Tests;

/// <summary>A knowledge base in its own temporary data directory, on a real SQLite file.</summary>
public sealed class KnowledgeBaseFixture : IAsyncDisposable
{
    private KnowledgeBaseFixture(TempDirectory directory, DataDirectory data, KnowledgeBase kb)
    {
        Directory = directory;
        Data = data;
        Kb = kb;
    }

    public TempDirectory Directory { get; }

    public DataDirectory Data { get; }

    public KnowledgeBase Kb { get; private set; }

    /// <summary>Where tests put input files (outside the data directory).</summary>
    public string Inputs => Directory.Combine("inputs");

    public static async Task<KnowledgeBaseFixture> CreateAsync(Action<StrataOptions>? configure = null)
    {
        var directory = new TempDirectory("strata-kb");
        var data = new DataDirectory(directory.Combine("data"));
        var options = new StrataOptions { DataDirectory = data.Root };
        options.Fetch.Timeout = TimeSpan.FromSeconds(5);
        options.Politeness.MinDelayPerHost = TimeSpan.Zero;
        options.Politeness.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        configure?.Invoke(options);
        var kb = await KnowledgeBase.OpenAsync(data, options);
        return new KnowledgeBaseFixture(directory, data, kb);
    }

    public string Input(string relativePath, string content) => Directory.Write(Path.Combine("inputs", relativePath), content);

    public string Input(string relativePath, byte[] content) => Directory.Write(Path.Combine("inputs", relativePath), content);

    /// <summary>Closes and reopens the base, as a new process would.</summary>
    public async Task ReopenAsync()
    {
        var options = Kb.Options;
        await Kb.DisposeAsync();
        Kb = await KnowledgeBase.OpenAsync(Data, options);
    }

    public async ValueTask DisposeAsync()
    {
        await Kb.DisposeAsync();
        Directory.Dispose();
    }
}
