using Madrasah.Blazor.Tests.Infrastructure;

namespace Madrasah.Blazor.Tests.Infrastructure.Pdf;

/// <summary>
/// An app of the receipt attack tests' own (they add receipts and spend rate limits), behind a "proxy" on loopback:
/// App:TrustedProxies lists 127.0.0.1, so each test can speak as a client address of its own through X-Forwarded-For.
/// </summary>
public sealed class ReceiptAppFixture : IAsyncLifetime
{
    /// <summary>Verification requests one client may make per window in this app.</summary>
    public const int PermitLimit = 8;

    public TestApp App { get; private set; } = null!;

    private int _nextClient;

    public async ValueTask InitializeAsync() => App = await TestApp.StartAsync(new Dictionary<string, string>
    {
        ["App__TrustedProxies__0"] = "127.0.0.1",
        ["ReceiptVerification__PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ReceiptVerification__WindowSeconds"] = "600",
    });

    /// <summary>A client address no other test uses (TEST-NET-3).</summary>
    public string NewClientAddress() => $"203.0.113.{Interlocked.Increment(ref _nextClient)}";

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ReceiptAppCollection : ICollectionFixture<ReceiptAppFixture>
{
    public const string Name = "Receipt app";
}
