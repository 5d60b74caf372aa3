namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// An app of the test class's own (Development, demo data), for tests that change what other tests count on the
/// shared app (new institutions, rate limits, …). Pages are opened with <c>BrowserFixture.NewPageAsync(App)</c>.
/// </summary>
public sealed class OwnAppFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await TestApp.StartAsync();
    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
