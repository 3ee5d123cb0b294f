namespace Strata.Sources.Tests.Extractors.Html;

/// <summary>Small hand-written HTML pages for the extractor's unit tests.</summary>
internal static class TestPages
{
    public const string Paragraphs = """
        <p>The river town woke slowly that morning, its bakeries opening one by one while fog still lay over the water, and the ferry waited at the pier for passengers who never seemed to hurry.</p>
        <p>Local historians say the settlement began as a trading post in the eighteenth century, when merchants carried furs, grain and salt along the valley, building warehouses that still stand today.</p>
        <p>Today the old warehouses hold galleries, workshops and a small museum, and visitors walk the cobbled streets to see how the past and present share the same narrow lanes by the river.</p>
        """;

    /// <summary>A page whose article sits among navigation, a footer, comments, ads and share buttons.</summary>
    public static string WithBoilerplate(string article, string head = "") => $$"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head><title>River Town Mornings | The Valley Post</title>{{head}}</head>
        <body>
          <header class="site-header"><a href="/">The Valley Post</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
          <div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
          <div class="ad-slot -ad- banner">Buy cheap flights now, limited offer!</div>
          <main>
            <article>
              <h1>River Town Mornings</h1>
              {{article}}
              <div class="share-buttons"><a href="https://twitter.com/share">Share on Twitter</a> <a href="https://facebook.com/share">Share on Facebook</a></div>
            </article>
            <section id="comments" class="comments"><h2>Comments</h2><p>First! Great article, totally agree with everything said here, thanks for sharing it.</p></section>
            <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Another story about a town</a></li><li><a href="/b">Yet another story about rivers</a></li></ul></aside>
          </main>
          <footer class="site-footer"><p>Copyright 2026 The Valley Post. All rights reserved. Contact us at the newsroom.</p></footer>
          <script>var tracking = "should never appear";</script>
          <style>.hidden { display: none; }</style>
        </body>
        </html>
        """;

    /// <summary>A minimal page with <paramref name="body"/> as its only content.</summary>
    public static string Simple(string body, string head = "", string htmlAttributes = "") => $$"""
        <!DOCTYPE html>
        <html {{htmlAttributes}}>
        <head>{{head}}</head>
        <body><article>{{body}}</article></body>
        </html>
        """;
}
