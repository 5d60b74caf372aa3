namespace Madrasah.Blazor.Infrastructure.Logging;

public static class LoggingExtensions
{
    /// <summary>
    /// Structured (JSON) console logs outside Development, readable single lines in Development. The timestamp
    /// formats quote every separator: the app runs with the id-ID culture, whose time separator is ".", not ":".
    /// </summary>
    public static ILoggingBuilder AddMadrasahConsole(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        logging.ClearProviders();
        if (environment.IsDevelopment())
            logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH':'mm':'ss "; o.UseUtcTimestamp = true; });
        else
            logging.AddJsonConsole(o => { o.IncludeScopes = true; o.TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'"; o.UseUtcTimestamp = true; });
        return logging;
    }
}
