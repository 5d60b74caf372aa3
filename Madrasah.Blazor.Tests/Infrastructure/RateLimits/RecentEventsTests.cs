using System.Net;
using Madrasah.Blazor.Features.HeadRegistration;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure.RateLimits;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Tests.Infrastructure.RateLimits;

/// <summary>
/// The one in-memory store behind every limiter: its limits as the limiters use them, and its bounds (issue 9,
/// item 1), which hold whatever keys and however many requests come.
/// </summary>
public sealed class RecentEventsTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private readonly ManualClock _clock = new();

    private RecentEvents Events(int capacity = RecentEvents.DefaultCapacity) => new(_clock, () => Hour, capacity);

    [Fact]
    public void At_most_Max_events_within_the_window_then_the_wait_until_the_oldest_leaves_it()
    {
        var events = Events();
        var limit = new RateLimit("a", Max: 3, Window: TimeSpan.FromMinutes(15));
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(events.TryRecord(limit));
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(TimeSpan.FromMinutes(12), events.TryRecord(limit));
        Assert.Equal(TimeSpan.FromMinutes(12), events.RetryAfter(limit)); // a refusal records nothing

        _clock.Advance(TimeSpan.FromMinutes(12));
        Assert.Null(events.TryRecord(limit));
        Assert.Null(events.TryRecord(new RateLimit("b", 3, TimeSpan.FromMinutes(15)))); // keys are counted apart
    }

    [Fact]
    public void A_minimum_interval_waits_from_the_latest_event()
    {
        var events = Events();
        var limit = new RateLimit("a", Max: 5, Window: Hour, MinInterval: TimeSpan.FromSeconds(60));
        Assert.Null(events.TryRecord(limit));
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(40), events.TryRecord(limit));
        _clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Null(events.TryRecord(limit));
    }

    [Fact]
    public void Several_limits_are_checked_and_recorded_as_one_step()
    {
        var events = Events();
        var perClient = new RateLimit("client", Max: 2, Window: Hour);
        Assert.Null(events.TryRecord(new RateLimit("x", 5, Hour), perClient));
        Assert.Null(events.TryRecord(new RateLimit("y", 5, Hour), perClient));
        Assert.NotNull(events.TryRecord(new RateLimit("z", 5, Hour), perClient));
        Assert.Null(events.RetryAfter(new RateLimit("z", 1, Hour))); // the refused try recorded nothing for "z"
    }

    [Fact]
    public void RemoveLatest_takes_a_try_back_and_Clear_forgets_the_key()
    {
        var events = Events();
        var limit = new RateLimit("a", Max: 2, Window: Hour);
        events.TryRecord(limit);
        events.TryRecord(limit);
        Assert.NotNull(events.RetryAfter(limit));
        events.RemoveLatest("a");
        Assert.Null(events.RetryAfter(limit));
        events.TryRecord(limit);
        events.Clear("a");
        Assert.Equal(0, events.Count);
    }

    [Fact]
    public async Task Parallel_tries_cannot_slip_past_the_limit()
    {
        var events = Events();
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => events.TryRecord(new RateLimit("a", 5, Hour)))));
        Assert.Equal(5, results.Count(r => r is null));
    }

    [Fact]
    public void Distinct_keys_never_make_it_hold_more_than_its_capacity_and_the_idlest_go_first()
    {
        var events = Events(capacity: 1_000);
        Assert.Null(events.TryRecord(new RateLimit("first", 5, Hour)));
        for (var i = 0; i < 50_000; i++)
        {
            events.TryRecord(new RateLimit($"key-{i}", 5, Hour));
            Assert.True(events.Count <= 1_000, $"{events.Count} keys after {i + 1}");
            if (i == 10) _clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal(RecentEvents.DefaultCapacity, Events().Capacity);
        // The key idle longest was let go; the latest keys are still counted.
        Assert.Null(events.RetryAfter(new RateLimit("first", 1, Hour)));
        Assert.NotNull(events.RetryAfter(new RateLimit("key-49999", 1, Hour)));
    }

    [Fact]
    public void Keys_whose_events_are_all_past_the_retention_go_before_any_live_key()
    {
        var events = Events(capacity: 100);
        for (var i = 0; i < 50; i++) events.TryRecord(new RateLimit($"old-{i}", 5, Hour));
        _clock.Advance(Hour + TimeSpan.FromMinutes(1));
        for (var i = 0; i < 50; i++) events.TryRecord(new RateLimit($"live-{i}", 5, Hour));
        events.TryRecord(new RateLimit("one-more", 5, Hour));
        Assert.Equal(51, events.Count); // the fifty old keys went, not a tenth of the live ones
    }

    [Fact]
    public void A_key_of_a_megabyte_costs_what_a_short_one_does_and_a_key_keeps_at_most_PerKeyCap_times()
    {
        var events = Events();
        var huge = new string('a', 1_000_000);
        Assert.Null(events.TryRecord(new RateLimit(huge, 5, Hour)));
        Assert.NotNull(events.RetryAfter(new RateLimit(huge, 1, Hour))); // found again by its hash
        Assert.Null(events.RetryAfter(new RateLimit(huge + "b", 1, Hour)));

        // A short window lets every try through; the hour's retention would keep all 1,000 times but for the cap.
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Null(events.TryRecord(new RateLimit("busy", 1, TimeSpan.FromSeconds(1))));
            _clock.Advance(TimeSpan.FromSeconds(2));
        }
        Assert.True(events.TimeCount <= 1 + RecentEvents.PerKeyCap, $"{events.TimeCount} times held");
    }

    [Fact]
    public void The_mail_throttle_holds_no_more_than_its_capacity_however_many_addresses_and_clients_ask()
    {
        var throttle = new VerificationResendLimiter(Options.Create(new HeadRegistrationOptions()), _clock);
        for (var i = 0; i < 30_000; i++)
            throttle.TryAcquire(new string('x', 200) + $"{i}@CONTOH.SCH.ID", $"10.{i / 65_536 % 256}.{i / 256 % 256}.{i % 256}");
        Assert.True(throttle.Requests.Count <= RecentEvents.DefaultCapacity, $"{throttle.Requests.Count} keys");
    }

    [Fact]
    public void One_client_asks_for_at_most_its_hourly_number_of_links_whatever_the_addresses()
    {
        var throttle = new PasswordLinkRequestLimiter(Options.Create(new UserAccountsOptions()), _clock);
        for (var i = 0; i < 20; i++) Assert.Null(throttle.TryAcquire($"ALAMAT{i}@CONTOH.SCH.ID", "10.0.0.1"));
        Assert.NotNull(throttle.TryAcquire("LAIN@CONTOH.SCH.ID", "10.0.0.1"));
        Assert.Null(throttle.TryAcquire("LAIN@CONTOH.SCH.ID", "10.0.0.2"));
        _clock.Advance(Hour);
        Assert.Null(throttle.TryAcquire("LAIN2@CONTOH.SCH.ID", "10.0.0.1"));
    }

    [Fact]
    public void The_registration_limiter_holds_no_more_than_its_capacity_however_many_NIKs_and_clients_try()
    {
        var limiter = new RegistrationAttemptLimiter(Options.Create(new HeadRegistrationOptions()), _clock);
        for (var i = 0; i < 30_000; i++) limiter.TryBegin($"3404{i:D12}", $"10.{i / 65_536 % 256}.{i / 256 % 256}.{i % 256}");
        Assert.True(limiter.Failures.Count <= RecentEvents.DefaultCapacity, $"{limiter.Failures.Count} keys");
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void A_client_is_its_IPv4_address_or_its_IPv6_network(string address, string key) =>
        Assert.Equal(key, ClientAddress.Of(IPAddress.Parse(address)));
}
