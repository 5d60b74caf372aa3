using System.Globalization;
using Madrasah.Blazor.Components.Layout;
using Microsoft.AspNetCore.Localization;

namespace Madrasah.Blazor.Components;

public static class ComponentsServiceCollectionExtensions
{
    /// <summary>Blazor Server with BootstrapBlazor, in Bahasa Indonesia (our own locale file for the library's texts).</summary>
    public static IServiceCollection AddMadrasahUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddBootstrapBlazor(
            options =>
            {
                options.DefaultCultureInfo = "id-ID";
                options.FallbackCulture = "id";
                options.SupportedCultures = ["id-ID"];
                options.ToastDelay = 5000;
                // MainLayout's own ErrorBoundary shows errors (with a reference); the library's second one would only
                // cost every open circuit a few more components.
                options.EnableErrorLogger = false;
            },
            json =>
            {
                json.AdditionalJsonAssemblies = [typeof(ComponentsServiceCollectionExtensions).Assembly];
                json.IgnoreLocalizerMissing = true;
            });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var indonesian = new CultureInfo("id-ID");
            o.DefaultRequestCulture = new RequestCulture(indonesian);
            o.SupportedCultures = [indonesian];
            o.SupportedUICultures = [indonesian];
            o.RequestCultureProviders.Clear();
        });
        services.AddNavigation();
        services.AddScoped<Account.LoginService>();
        return services;
    }
}
