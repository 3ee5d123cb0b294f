namespace Strata.Storage.Postgres.Tests;

/// <summary>A clock the test moves by hand, in UTC.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
