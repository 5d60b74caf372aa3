namespace Madrasah.Blazor.Infrastructure.Time;

public static class TimeServiceCollectionExtensions
{
    /// <summary>The clock every service asks for "now", so tests can move time.</summary>
    public static IServiceCollection AddMadrasahTime(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
