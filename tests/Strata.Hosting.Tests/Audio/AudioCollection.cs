using Xunit;

namespace Strata.Hosting.Tests.Audio;

/// <summary>
/// Audio tests start many espeak-ng and ffmpeg processes; they run on their own, after the parallel tests, so they
/// never steal the CPU from timing-sensitive tests (politeness spacing) running beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AudioCollection
{
    public const string Name = "Audio (external programs)";
}
