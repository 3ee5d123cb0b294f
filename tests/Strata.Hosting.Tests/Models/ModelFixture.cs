using Strata.Hosting.Configuration;
using Strata.Hosting.Ingest;
using Strata.Testing.Chat;

namespace Strata.Hosting.Tests.Models;

/// <summary>A knowledge base with three notes and, optionally, a chat model served by a <see cref="FakeChatServer"/>.</summary>
internal static class ModelFixture
{
    public const string Glaciers =
        "Alpine glaciers lose ice every summer. Glaciers lose ice faster when summers are warmer, and radar surveys measure the loss each year. " +
        "Meltwater from glaciers feeds rivers in late summer.";

    public const string Coral =
        "Coral reefs bleach when ocean water stays warm for weeks. Bleached reefs can recover if the water cools in time. " +
        "Reefs shelter a quarter of all marine species.";

    public const string Policy =
        "A carbon price makes power plants pay for their emissions. Policy makers disagree about how fast emissions should fall.";

    public static async Task<(KnowledgeBaseFixture Fixture, string[] Ids)> CreateAsync(FakeChatServer? server, string provider = "openai", Action<StrataOptions>? configure = null)
    {
        var fixture = await KnowledgeBaseFixture.CreateAsync(options =>
        {
            if (server is not null)
            {
                options.Chat.Provider = provider;
                options.Chat.Endpoint = provider == "ollama" ? server.OllamaEndpoint : server.OpenAiEndpoint;
                options.Chat.Model = "fake-model";
                options.Chat.ApiKey = "test-key";
                options.Chat.InputPricePerMillion = 1000m;
                options.Chat.OutputPricePerMillion = 2000m;
            }

            configure?.Invoke(options);
        });
        var ids = new List<string>();
        foreach (var (title, text, tag) in new[] { ("Glaciers", Glaciers, "climate/ice"), ("Coral reefs", Coral, "climate/ocean"), ("Carbon policy", Policy, "policy") })
        {
            var report = await fixture.Kb.AddNoteAsync(text, new AddOptions { Title = title, Tags = [tag] }, null, CancellationToken.None);
            ids.Add(report.Entries.Single().ItemId!);
        }

        return (fixture, ids.ToArray());
    }
}
