namespace Madrasah.Blazor.Infrastructure.Hosting;

/// <summary>
/// A start-up check that found something only the person starting the app can put right (a database of another
/// version, …): the start ends with its message as one line and <see cref="ExitCode"/>, without stack traces.
/// </summary>
public sealed class CannotStartException(string message) : Exception(message)
{
    public const int ExitCode = 4;
}
