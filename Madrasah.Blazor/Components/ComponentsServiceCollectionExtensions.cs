using System.Globalization;
using Madrasah.Blazor.Components.Layout;
using Madrasah.Blazor.Components.Theme;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace Madrasah.Blazor.Components;

public static class ComponentsServiceCollectionExtensions
{
    /// <summary>Blazor Server with MudBlazor, in Bahasa Indonesia (id-ID culture, our own texts for MudBlazor's).</summary>
    public static IServiceCollection AddMadrasahUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMadrasahMudBlazor();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var indonesian = new CultureInfo("id-ID");
            o.DefaultRequestCulture = new RequestCulture(indonesian);
            o.SupportedCultures = [indonesian];
            o.SupportedUICultures = [indonesian];
            o.RequestCultureProviders.Clear();
        });
        services.AddNavigation();
        return services;
    }

    /// <summary>MudBlazor's services with our snackbar defaults and Indonesian texts (component tests call this too).</summary>
    public static IServiceCollection AddMadrasahMudBlazor(this IServiceCollection services)
    {
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            options.SnackbarConfiguration.VisibleStateDuration = 5000;
            options.SnackbarConfiguration.PreventDuplicates = false;
        });
        return services.AddTransient<MudLocalizer, IndonesianMudLocalizer>();
    }
}
