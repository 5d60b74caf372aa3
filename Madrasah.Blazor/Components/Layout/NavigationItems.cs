using MudBlazor;
using Madrasah.Blazor.Infrastructure.Identity;

namespace Madrasah.Blazor.Components.Layout;

/// <summary>A live count beside a menu item: the topic that changes it, and how to count.</summary>
public sealed record NavigationBadge(Func<UserScope, string> Topic, Func<IServiceProvider, UserScope, Task<int>> Count);

/// <param name="Icon">SVG markup of a MudBlazor icon (<c>Icons.Material.Outlined.…</c>).</param>
/// <param name="ShownWhen">A further condition beyond the role (e.g. pesantren operators only), asked once per circuit.</param>
public sealed record NavigationItem(string Href, string Label, string Icon, string[] Roles, NavigationBadge? Badge = null, int Order = 100,
    Func<IServiceProvider, UserScope, Task<bool>>? ShownWhen = null);

/// <summary>
/// The menu: each feature registers its pages with the roles that may open them
/// (<c>services.AddNavigationItem(...)</c> next to the feature's services), so each role sees only its own pages.
/// </summary>
public sealed class NavigationItems(IEnumerable<NavigationItem> items, IHostEnvironment environment)
{
    public IReadOnlyList<NavigationItem> For(UserScope scope) =>
        items.Where(i => i.Roles.Contains(scope.Role) && (!i.Roles.Contains(DevelopmentOnly) || environment.IsDevelopment()))
             .OrderBy(i => i.Order)
             .ToList();

    /// <summary>The items of <see cref="For"/> whose <see cref="NavigationItem.ShownWhen"/> condition holds for the user.</summary>
    public async Task<IReadOnlyList<NavigationItem>> ForAsync(UserScope scope, IServiceProvider services)
    {
        var shown = new List<NavigationItem>();
        foreach (var item in For(scope))
            if (item.ShownWhen is null || await item.ShownWhen(services, scope)) shown.Add(item);
        return shown;
    }

    /// <summary>Marker beside an item's roles: the item shows to them in Development only.</summary>
    public const string DevelopmentOnly = "(development)";
}

public static class NavigationServiceCollectionExtensions
{
    public static IServiceCollection AddNavigationItem(this IServiceCollection services, NavigationItem item) =>
        services.AddSingleton(item);

    public static IServiceCollection AddNavigation(this IServiceCollection services)
    {
        services.AddSingleton<NavigationItems>();
        services.AddScoped<HeaderService>();
        return services.AddNavigationItem(new("/", "Beranda", Icons.Material.Outlined.Home, Roles.All, Order: 0));
    }
}
