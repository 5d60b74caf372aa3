namespace Madrasah.Blazor.Infrastructure.Logging;

public static class LoggingExtensions
{
    /// <summary>Structured (JSON) console logs outside Development, readable single lines in Development.</summary>
    public static ILoggingBuilder AddMadrasahConsole(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        logging.ClearProviders();
        if (environment.IsDevelopment())
            logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; o.UseUtcTimestamp = true; });
        else
            logging.AddJsonConsole(o => { o.IncludeScopes = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; o.UseUtcTimestamp = true; });
        return logging;
    }
}
