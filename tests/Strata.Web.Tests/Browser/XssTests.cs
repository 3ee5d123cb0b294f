using Microsoft.Playwright;
using Xunit;

namespace Strata.Web.Tests.Browser;

/// <summary>
/// Archived pages carrying the OWASP XSS filter-evasion vectors are viewed in Chromium (the reader and the original
/// snapshot); no script may run. A dialog listener catches alert/confirm/prompt, and the DOM is checked for event
/// handlers and javascript: URLs that survived.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class XssTests(Chromium chromium)
{
    /// <summary>From the OWASP XSS Filter Evasion Cheat Sheet, plus modern variants (SVG, details, srcdoc, mutation).</summary>
    private static readonly string[] Vectors =
    [
        "<SCRIPT>alert('XSS')</SCRIPT>",
        "<SCRIPT SRC=http://127.0.0.1:9/xss.js></SCRIPT>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=javascript:alert('XSS')>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<SCRIPT/XSS SRC=\"http://127.0.0.1:9/xss.js\"></SCRIPT>",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<SCRIPT SRC=//127.0.0.1:9/.j>",
        "<iframe src=http://127.0.0.1:9/scriptlet.html <",
        "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
        "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
        "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
        "<IMG DYNSRC=\"javascript:alert('XSS')\">",
        "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
        "<svg/onload=alert('XSS')>",
        "<BODY ONLOAD=alert('XSS')>",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
        "<IFRAME SRCDOC=\"<script>parent.alert('XSS')</script>\"></IFRAME>",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
        "<DIV STYLE=\"width: expression(alert('XSS'));\">",
        "<BASE HREF=\"javascript:alert('XSS');//\">",
        "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://127.0.0.1:9/scriptlet.html\"></OBJECT>",
        "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
        "<a href=\"javascript:alert('XSS')\">click me</a>",
        "<a href=\"&#x6A;avascript:alert('XSS')\">click me too</a>",
        "<details open ontoggle=alert('XSS')>",
        "<input autofocus onfocus=alert('XSS')>",
        "<video><source onerror=\"alert('XSS')\"></video>",
        "<form><button formaction=javascript:alert('XSS')>X</button></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert('XSS')></style></mglyph></table></mtext></math>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert('XSS')>\"></noscript>",
        "[markdown link](javascript:alert('XSS'))",
        "![markdown image](javascript:alert('XSS'))",
    ];

    [Fact]
    public async Task No_script_from_an_archived_page_runs_in_the_reader_or_the_original_snapshot()
    {
        var html = "<!DOCTYPE html><html><head><title>XSS <script>alert('title')</script> vectors</title><script>alert('head')</script></head><body><article><h1>Filter evasion</h1>" +
            string.Join("\n", Vectors.Select(vector => $"<p>Vector follows. {vector} Text after the vector.</p>")) + "</article></body></html>";
        await using var server = await WebServer.StartAsync();
        var folder = Path.Combine(server.KnowledgeBase.DataDirectory, "incoming");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "vectors.html"), html);
        await File.WriteAllTextAsync(Path.Combine(folder, "vectors.md"), "# Markdown vectors\n\n" + string.Join("\n\n", Vectors));
        var report = await server.KnowledgeBase.AddAsync([folder], new Strata.Hosting.Ingest.AddOptions { Title = "<img src=x onerror=alert('title')>", Tags = ["<script>alert(1)</script>"] }, null, CancellationToken.None);
        var ids = report.Entries.Select(entry => entry.ItemId).OfType<string>().ToArray();
        Assert.Equal(2, ids.Length);

        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl.ToString() });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        foreach (var path in new[] { "/", "/?view=all", "/search?q=vector", "/tags" }.Concat(ids.SelectMany(id => new[] { $"/items/{id}", $"/items/{id}/original" })))
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // Hover and focus whatever is there, so mouse and focus handlers would fire if any survived.
            foreach (var element in (await page.QuerySelectorAllAsync("body *")).Take(400))
            {
                await element.HoverAsync(new ElementHandleHoverOptions { Force = true, Timeout = 500 }).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            if (!path.EndsWith("/original", StringComparison.Ordinal))
            {
                var survivors = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
                        .filter(a => a.name.startsWith('on') || /^\s*(javascript|data|vbscript):/i.test(a.value) && ['href','src','action','formaction','data','background','dynsrc'].includes(a.name))
                        .map(a => `${el.tagName} ${a.name}=${a.value}`))
                    """);
                Assert.True(survivors.Length == 0, $"{path}: {string.Join("; ", survivors)}");
                Assert.Equal(0, await page.Locator("[data-article] script, [data-article] iframe, [data-article] object, [data-article] embed, [data-article] form").CountAsync());
            }
        }

        Assert.True(dialogs.Count == 0, "scripts ran: " + string.Join(", ", dialogs));
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_original_snapshot_is_served_with_a_sandbox_policy()
    {
        await using var server = await WebServer.StartAsync();
        var id = await server.AddNoteAsync("<script>alert(1)</script> plain", "sandboxed");
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/items/{id}/original");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-scripts", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
