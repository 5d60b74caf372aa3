using System.Net;
using Madrasah.Blazor.Infrastructure.Pdf;

namespace Madrasah.Blazor.Tests.Infrastructure.Pdf;

/// <summary>The verification rate limit's keys: one per client, an IPv6 subscriber's /64 as one, and never more than the cap.</summary>
public sealed class VerificationRateLimitTests
{
    [Fact]
    public void A_client_is_its_address_and_an_IPv6_subscriber_its_64_network()
    {
        Assert.Equal("203.0.113.7", VerificationRateLimitPolicy.ClientKey(IPAddress.Parse("203.0.113.7")));
        Assert.Equal("203.0.113.7", VerificationRateLimitPolicy.ClientKey(IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.Equal(VerificationRateLimitPolicy.ClientKey(IPAddress.Parse("2001:db8:1:2::1")),
            VerificationRateLimitPolicy.ClientKey(IPAddress.Parse("2001:db8:1:2:ffff:eeee:dddd:cccc")));
        Assert.NotEqual(VerificationRateLimitPolicy.ClientKey(IPAddress.Parse("2001:db8:1:2::1")),
            VerificationRateLimitPolicy.ClientKey(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("unknown", VerificationRateLimitPolicy.ClientKey(null));
    }

    [Fact]
    public void A_flood_of_new_addresses_never_holds_more_keys_than_the_cap_and_old_keys_make_room()
    {
        var clock = new ManualClock();
        var keys = new VerificationRateLimitPolicy.BoundedKeys(3, TimeSpan.FromMinutes(2), clock);

        Assert.Equal(["a", "b", "c"], new[] { "a", "b", "c" }.Select(keys.KeyFor));
        // Full: a known client keeps its own key, new ones share one.
        Assert.Equal("a", keys.KeyFor("a"));
        Assert.All(Enumerable.Range(0, 10_000).Select(i => keys.KeyFor($"flood-{i}")), k => Assert.Equal(VerificationRateLimitPolicy.BoundedKeys.Shared, k));
        Assert.Equal(3, keys.Count);

        // Once their window has long passed, quiet clients make room again.
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal("d", keys.KeyFor("d"));
        Assert.True(keys.Count <= 3);
    }

    [Fact]
    public void Typed_codes_are_read_as_printed_and_anything_else_is_not_a_code()
    {
        var code = VerificationCode.New();
        Assert.Equal(VerificationCode.Length, code.Length);
        Assert.NotEqual(code, VerificationCode.New());
        var grouped = VerificationCode.Group(code);
        Assert.Equal(code, VerificationCode.Normalize(grouped));
        Assert.Equal(code, VerificationCode.Normalize(" " + grouped.ToLowerInvariant().Replace("-", " ") + " "));
        Assert.Equal("0000111100001111000011110000", VerificationCode.Normalize("OOOO-IIII-0000-LLLL-oooo-iiii-0000"));
        Assert.Null(VerificationCode.Normalize(code[..^1]));
        Assert.Null(VerificationCode.Normalize(code + "A"));
        Assert.Null(VerificationCode.Normalize("UUUU" + code[4..])); // U is not in the alphabet
        Assert.Null(VerificationCode.Normalize(new string('-', 10_000)));
        Assert.True(VerificationCode.Matches(grouped, VerificationCode.Hash(code)));
        Assert.False(VerificationCode.Matches(grouped, ""));
        Assert.False(VerificationCode.Matches("", VerificationCode.Hash("")));
    }
}
