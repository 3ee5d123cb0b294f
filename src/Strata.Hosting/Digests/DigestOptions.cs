namespace Strata.Hosting.Digests;

/// <summary>Digests (section <c>Digest</c>): the daemon's schedule, the window, top stories and mail delivery.</summary>
public sealed class DigestOptions
{
    /// <summary>Cron expression (local time) for the daemon's digest, e.g. <c>0 7 * * *</c>; empty = no scheduled digests.</summary>
    public string? Schedule { get; set; }

    /// <summary>How far back a digest looks by default (and a scheduled digest at most).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many top stories a digest shows.</summary>
    public int TopStories { get; set; } = 5;

    /// <summary>Most items a digest takes from its window.</summary>
    public int MaxItems { get; set; } = 2000;

    public EmailOptions Email { get; set; } = new();

    /// <summary>Also read the daemon's scheduled digest aloud as a podcast episode (<c>Tts</c>, <c>Audio</c>, <c>Podcast</c> settings).</summary>
    public bool Audio { get; set; }

    /// <summary>Older saved items a digest brings back (as Readwise does); 0 = none.</summary>
    public int ResurfaceItems { get; set; }

    /// <summary>An item is resurfaced only when it was collected, and last opened, at least this long ago.</summary>
    public TimeSpan ResurfaceAfter { get; set; } = TimeSpan.FromDays(60);
}

/// <summary>SMTP delivery of digests; off unless <see cref="Host"/> and <see cref="To"/> are set.</summary>
public sealed class EmailOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>auto</c>, <c>none</c>, <c>starttls</c> or <c>tls</c> (TLS on connect).</summary>
    public string Security { get; set; } = "auto";

    public string? User { get; set; }

    /// <summary>From the environment only (<c>STRATA__DIGEST__EMAIL__PASSWORD</c>).</summary>
    public string? Password { get; set; }

    public string From { get; set; } = "strata@localhost";

    /// <summary>Recipients, comma-separated.</summary>
    public string? To { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(To);
}
