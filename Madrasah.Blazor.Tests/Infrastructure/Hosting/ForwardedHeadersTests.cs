using System.Net;
using Madrasah.Blazor.Infrastructure.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Tests.Infrastructure.Hosting;

/// <summary>Behind a configured proxy the client's own address counts (rate limits); from anyone else the header is ignored.</summary>
public sealed class ForwardedHeadersTests
{
    private static async Task<IPAddress?> ClientSeenAsync(string[] trustedProxies, string arrivingFrom, string forwardedFor)
    {
        var options = new ForwardedHeadersOptions();
        ForwardedHeadersSetup.Configure(options, trustedProxies);
        IPAddress? seen = null;
        var middleware = new ForwardedHeadersMiddleware(context => { seen = context.Connection.RemoteIpAddress; return Task.CompletedTask; },
            NullLoggerFactory.Instance, Options.Create(options));
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(arrivingFrom);
        http.Request.Headers["X-Forwarded-For"] = forwardedFor;
        await middleware.Invoke(http);
        return seen;
    }

    [Fact]
    public async Task A_listed_proxy_or_network_passes_the_clients_address_on()
    {
        Assert.Equal(IPAddress.Parse("203.0.113.7"), await ClientSeenAsync(["10.0.0.5"], "10.0.0.5", "203.0.113.7"));
        Assert.Equal(IPAddress.Parse("203.0.113.7"), await ClientSeenAsync(["10.0.0.0/24"], "10.0.0.77", "203.0.113.7"));
        Assert.Equal(IPAddress.Parse("203.0.113.7"), await ClientSeenAsync(["127.0.0.1"], "::ffff:127.0.0.1", "203.0.113.7"));
    }

    [Fact]
    public async Task Anyone_else_cannot_choose_the_address_the_rate_limit_counts()
    {
        Assert.Equal(IPAddress.Parse("198.51.100.4"), await ClientSeenAsync(["10.0.0.5"], "198.51.100.4", "203.0.113.7"));
        Assert.Equal(IPAddress.Loopback, await ClientSeenAsync(["10.0.0.5"], "127.0.0.1", "203.0.113.7")); // not even loopback unless listed
    }

    [Fact]
    public void Off_by_default_on_when_proxies_are_listed()
    {
        static IConfiguration Settings(params (string, string)[] values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Item1, (string?)v.Item2))).Build();
        Assert.False(ForwardedHeadersSetup.IsEnabled(Settings()));
        Assert.False(ForwardedHeadersSetup.IsEnabled(Settings(("App:TrustedProxies:0", ""))));
        Assert.True(ForwardedHeadersSetup.IsEnabled(Settings(("App:TrustedProxies:0", "10.0.0.5"))));
    }

    [Fact]
    public void An_unreadable_entry_stops_the_start_with_its_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ForwardedHeadersSetup.Configure(new ForwardedHeadersOptions(), ["proxy.kemenag.local"]));
        Assert.Contains("proxy.kemenag.local", error.Message);
    }
}
