using System.Net;
using Madrasah.Blazor.Infrastructure.Hosting;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Madrasah.Blazor.Tests.Infrastructure.Email;

/// <summary>
/// The development mailbox holds every institution's activation and reset links: in Development it answers only the
/// administrator, only on the machine itself (not through a proxy that forwards someone else's request).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "App")]
public sealed class DevMailboxAccessTests(BrowserFixture fixture) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => fixture.CloseContextsAsync();

    private PlainHttpClient NewClient() => new(fixture.App.BaseUrl);

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string who)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode != HttpStatusCode.OK, $"{who}: /dev/surat answered 200");
        Assert.DoesNotContain("mail-list", html);
        Assert.DoesNotContain("mail-empty", html);
        // The page's title (the admin's menu names it too), as the browser reads it: the head encodes the dash.
        Assert.DoesNotContain("Kotak Surat (Pengembangan) — Madrasah", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task A_visitor_is_sent_to_the_sign_in_form()
    {
        using var visitor = NewClient();
        var response = await visitor.GetAsync("/dev/surat");
        await AssertRefusedAsync(response, "visitor");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_operator_is_refused_and_has_no_menu_item()
    {
        using var client = NewClient();
        await client.SignInOrFailAsync("operator@min1sleman.sch.id");
        Assert.DoesNotContain("/dev/surat", await client.GetStringAsync("/"));
        await AssertRefusedAsync(await client.GetAsync("/dev/surat"), "operator");
    }

    [Fact]
    public async Task The_administrator_reads_it_from_this_machine_but_not_through_a_forwarding_proxy()
    {
        using var admin = NewClient();
        await admin.SignInOrFailAsync("admin@madrasah.demo.id");
        Assert.Contains("href=\"/dev/surat\"", await admin.GetStringAsync("/")); // the administrator's menu
        Assert.Contains("<title>Kotak Surat (Pengembangan) — Madrasah</title>", WebUtility.HtmlDecode(await admin.GetStringAsync("/dev/surat")));

        foreach (var (header, value) in new[] { ("X-Forwarded-For", "203.0.113.7"), ("Forwarded", "for=203.0.113.7"), ("X-Real-IP", "203.0.113.7") })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/dev/surat");
            request.Headers.Add(header, value);
            var response = await admin.SendAsync(request);
            await AssertRefusedAsync(response, header);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private static HttpContext Request(string remote, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        foreach (var (name, value) in headers) context.Request.Headers[name] = value;
        return context;
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("192.168.1.20", false)]
    [InlineData("::ffff:10.0.0.5", false)]
    public void Only_a_loopback_address_is_this_machine(string remote, bool local) =>
        Assert.Equal(local, LocalRequests.IsFromThisMachine(Request(remote)));

    [Fact]
    public void A_request_forwarded_by_a_proxy_on_this_machine_is_not_from_it()
    {
        Assert.False(LocalRequests.IsFromThisMachine(Request("127.0.0.1", ("X-Forwarded-For", "203.0.113.7"))));
        Assert.False(LocalRequests.IsFromThisMachine(Request("127.0.0.1", ("Forwarded", "for=203.0.113.7"))));
        Assert.False(LocalRequests.IsFromThisMachine(Request("127.0.0.1", ("X-Original-For", "203.0.113.7:5000")))); // after UseForwardedHeaders
        Assert.False(LocalRequests.IsFromThisMachine(null));
        Assert.False(LocalRequests.IsFromThisMachine(new DefaultHttpContext())); // no address at all
    }
}
