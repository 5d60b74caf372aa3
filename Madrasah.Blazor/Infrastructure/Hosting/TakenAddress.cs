using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace Madrasah.Blazor.Infrastructure.Hosting;

/// <summary>
/// Starting on an address another program already listens on (a second copy of the app, another web server) ends
/// the start with one line that names the address and says how to choose another, and a non-zero exit code —
/// not the host's three reports with stack traces. Kestrel's binding failure comes out of <c>app.Run()</c> after the
/// host has reported it (and the background services it stopped): the host's loggers drop that report and
/// everything they say after it, and <see cref="RunOrExplainTakenAddress"/> writes the one line.
/// </summary>
public static partial class TakenAddress
{
    /// <summary>The exit code of a start stopped by a taken address.</summary>
    public const int ExitCode = 3;

    /// <summary>The host's reports: the failed start, the background services it stopped, "shutting down".</summary>
    private static readonly string[] HostCategories = ["Microsoft.Extensions.Hosting.Internal.Host", "Microsoft.Hosting.Lifetime"];

    /// <summary>Wraps the logger factory so the host's loggers fall silent once binding to a taken address failed.</summary>
    public static ILoggingBuilder AddTakenAddressFilter(this ILoggingBuilder logging)
    {
        var factory = logging.Services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        logging.Services.Remove(factory);
        logging.Services.AddSingleton<ILoggerFactory>(sp => new HostQuietingFactory(
            (ILoggerFactory)ActivatorUtilities.CreateInstance(sp, factory.ImplementationType ?? typeof(LoggerFactory))));
        return logging;
    }

    /// <summary>Runs the app; returns 0 when it stopped normally, <see cref="ExitCode"/> when its address is taken.</summary>
    public static int RunOrExplainTakenAddress(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TakenAddress).FullName!);
        try
        {
            app.Run();
            return 0;
        }
        catch (Exception ex) when (IsTakenAddress(ex))
        {
            var address = AddressIn(ex.Message) ?? string.Join(", ", app.Urls);
            logger.LogCritical("Cannot start: {Address} is already in use by another program. Stop it, or choose another address with --urls (e.g. dotnet run --project Madrasah.Blazor --urls http://127.0.0.1:5081).", address);
            return ExitCode;
        }
        catch (Exception ex) when (CannotStartIn(ex) is { } reason)
        {
            logger.LogCritical("Cannot start: {Reason}", reason.Message);
            return CannotStartException.ExitCode;
        }
    }

    /// <summary>A start-up check's refusal, as thrown or wrapped by the host.</summary>
    public static CannotStartException? CannotStartIn(Exception? exception) => exception switch
    {
        CannotStartException refusal => refusal,
        AggregateException { InnerExceptions: [var single] } => CannotStartIn(single),
        _ => null,
    };

    private static bool IsExplained(Exception? exception) => IsTakenAddress(exception) || CannotStartIn(exception) is not null;

    /// <summary>Kestrel's "Failed to bind to address …: address already in use." with the socket's reason inside.</summary>
    public static bool IsTakenAddress(Exception? exception) =>
        exception is IOException { InnerException: AddressInUseException };

    /// <summary>The address in Kestrel's message, or null when the message reads otherwise.</summary>
    public static string? AddressIn(string message) =>
        BindMessage().Match(message) is { Success: true } m ? m.Groups["address"].Value : null;

    [GeneratedRegex(@"address (?<address>\S+): address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex BindMessage();

    private sealed class HostQuietingFactory(ILoggerFactory inner) : ILoggerFactory
    {
        private volatile bool _failed;

        public ILogger CreateLogger(string categoryName)
        {
            var logger = inner.CreateLogger(categoryName);
            return HostCategories.Contains(categoryName) ? new QuietLogger(logger, this) : logger;
        }

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);
        public void Dispose() => inner.Dispose();

        private sealed class QuietLogger(ILogger inner, HostQuietingFactory factory) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);
            public bool IsEnabled(LogLevel logLevel) => !factory._failed && inner.IsEnabled(logLevel);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsExplained(exception)) factory._failed = true;
                if (!factory._failed) inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
