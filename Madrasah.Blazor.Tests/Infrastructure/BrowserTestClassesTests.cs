namespace Madrasah.Blazor.Tests.Infrastructure;

/// <summary>
/// Every test class that takes the collection's <see cref="BrowserFixture"/> closes the pages its test opened when the
/// test ends (its DisposeAsync calls <see cref="BrowserFixture.CloseContextsAsync"/>): a class that forgot it would leave
/// pages running for the rest of the run, redrawing the reconnect notice of an app that has stopped.
/// </summary>
public sealed class BrowserTestClassesTests
{
    [Fact]
    public void Every_class_using_the_shared_browser_closes_its_pages_after_each_test()
    {
        var classes = typeof(BrowserFixture).Assembly.GetTypes()
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(BrowserFixture))))
            .ToList();
        Assert.True(classes.Count > 20, $"only {classes.Count} browser test classes found");
        var forgetful = classes.Where(t => !typeof(IAsyncDisposable).IsAssignableFrom(t)).Select(t => t.Name).ToList();
        Assert.True(forgetful.Count == 0, "without DisposeAsync() => fixture.CloseContextsAsync(): " + string.Join(", ", forgetful));
    }
}
