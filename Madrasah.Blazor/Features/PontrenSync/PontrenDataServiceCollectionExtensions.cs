using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using Madrasah.Blazor.Components.Layout;
using Madrasah.Blazor.Infrastructure.Identity;

namespace Madrasah.Blazor.Features.PontrenSync;

public static class PontrenDataServiceCollectionExtensions
{
    public const string PagePath = "/pontren/data";
    public const string SantriTemplatePath = "/pontren/data/template-santri.xlsx";

    /// <summary>"Verifikasi data lembaga": the pesantren operator's working copy, its check, santri and Simpeg imports.</summary>
    public static IServiceCollection AddPontrenData(this IServiceCollection services)
    {
        services.TryAddSingleton<PontrenCheckCache>(); // shared by the data page and the sync page
        services.AddScoped<PontrenDataService>();
        services.AddNavigationItem(new(PagePath, "Verifikasi Data Lembaga", Icons.Material.Outlined.FactCheck, [Roles.Operator], Order: 14,
            ShownWhen: (sp, scope) => sp.GetRequiredService<PontrenDataService>().IsPesantrenOperatorAsync(scope)));
        return services;
    }

    /// <summary>GET /pontren/data/template-santri.xlsx: the santri import template, for pesantren operators.</summary>
    public static IEndpointRouteBuilder MapPontrenData(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SantriTemplatePath, async (HttpContext http, PontrenDataService data) =>
            await data.IsPesantrenOperatorAsync(UserScope.From(http.User))
                ? Results.File(DataImportRules.SantriTemplate(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "template-santri.xlsx")
                : Results.NotFound())
            .RequireAuthorization(policy => policy.RequireRole(Roles.Operator));
        return endpoints;
    }
}
