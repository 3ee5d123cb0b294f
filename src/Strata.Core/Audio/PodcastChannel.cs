namespace Strata.Core.Audio;

/// <summary>What a podcast feed says about itself.</summary>
/// <param name="Title">Show title.</param>
/// <param name="Description">Show description.</param>
/// <param name="Author">Shown as the author (<c>itunes:author</c>).</param>
/// <param name="Language">The feed's language (RSS <c>language</c>).</param>
/// <param name="Link">The show's web page, else the feed itself.</param>
/// <param name="ImageUrl">Cover art (1400–3000 px square), when there is one.</param>
/// <param name="Category">iTunes category.</param>
public sealed record PodcastChannel(string Title, string Description, string Author, string Language, string? Link, string? ImageUrl, string Category = "News");
