using Bunit;
using Madrasah.Blazor.Components.Shared;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Madrasah.Blazor.Tests.Components;

/// <summary>The error notice keeps one reference per error, however often the page around it renders again.</summary>
public sealed class ErrorNoticeTests : ComponentTestContext
{
    private readonly RecordingLogger _log = new();

    public ErrorNoticeTests() => Services.AddSingleton<ILoggerProvider>(_log);

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

    [Fact]
    public void Rendering_again_keeps_the_reference_and_logs_the_error_once()
    {
        var error = new InvalidOperationException("kegagalan uji");
        var notice = Render<ErrorNotice>(p => p.Add(x => x.Exception, error));
        var first = notice.Find("[data-testid=error-reference]").TextContent;

        notice.Render(p => p.Add(x => x.Exception, error));
        var again = notice.Find("[data-testid=error-reference]").TextContent;
        notice.Render(p => p.Add(x => x.Exception, new InvalidOperationException("kegagalan lain")));
        var other = notice.Find("[data-testid=error-reference]").TextContent;

        Assert.Matches("^[0-9A-F]{8}$", first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(2, _log.Errors.Count);
        Assert.Contains(first, _log.Errors[0]);
        Assert.Contains("Coba lagi", notice.Markup);
    }
}
