using System.Text.RegularExpressions;
using Madrasah.Blazor.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Madrasah.Blazor.Tests.Components;

/// <summary>The error notice keeps one reference per error, however often the page around it renders again.</summary>
public sealed class ErrorNoticeTests
{
    private sealed class RecordingLogger : ILoggerProvider, ILogger
    {
        public List<string> Errors { get; } = [];
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error) lock (Errors) Errors.Add(formatter(state, exception));
        }
        public void Dispose() { }
    }

    private static async Task<string> RenderReferenceAsync(HtmlRenderer renderer, Exception exception)
    {
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<ErrorNotice>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(ErrorNotice.Exception)] = exception,
            }))).ToHtmlString());
        return Regex.Match(html, "data-testid=\"error-reference\">([0-9A-F]{8})<").Groups[1].Value;
    }

    [Fact]
    public async Task Rendering_again_keeps_the_reference_and_logs_the_error_once()
    {
        var log = new RecordingLogger();
        await using var provider = new ServiceCollection().AddLogging(b => b.AddProvider(log)).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var error = new InvalidOperationException("kegagalan uji");

        var first = await RenderReferenceAsync(renderer, error);
        var again = await RenderReferenceAsync(renderer, error);
        var other = await RenderReferenceAsync(renderer, new InvalidOperationException("kegagalan lain"));

        Assert.Matches("^[0-9A-F]{8}$", first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(2, log.Errors.Count);
        Assert.Contains(first, log.Errors[0]);
    }
}
