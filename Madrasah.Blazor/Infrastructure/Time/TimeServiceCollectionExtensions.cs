using MudBlazor;
using Madrasah.Blazor.Components.Layout;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;

namespace Madrasah.Blazor.Infrastructure.Time;

public static class TimeServiceCollectionExtensions
{
    /// <summary>The clock every service asks for "now", so tests can move time.</summary>
    public static IServiceCollection AddMadrasahTime(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddLiveUpdates();
        services.AddSingleton<HolidayCalendar>();
        return services.AddNavigationItem(new("/admin/hari-libur", "Kalender Hari Libur", Icons.Material.Outlined.CalendarMonth, [Roles.Admin], Order: 85));
    }
}
