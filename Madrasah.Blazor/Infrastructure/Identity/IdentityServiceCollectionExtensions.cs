using Madrasah.Blazor.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Madrasah.Blazor.Infrastructure.Identity;

public static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddMadrasahIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Keys on disk next to the database, so sign-in cookies survive a restart.
        var keyFolder = configuration["DataProtection:KeyFolder"] ?? "App_Data/keys";
        services.AddDataProtection()
            .SetApplicationName("Madrasah")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.IsPathRooted(keyFolder) ? keyFolder : Path.Combine(environment.ContentRootPath, keyFolder)));

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<PageAccess>();
        services.AddScoped<SignInService>();
        services.Configure<InitialAdminOptions>(configuration.GetSection(InitialAdminOptions.Section));
        services.AddScoped<IdentityBootstrap>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.AccessDeniedPath = "/Account/AccessDenied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Cookie.Name = "Madrasah.Auth";
            }));

        // Pages say which roles open them ([Authorize(Roles = ...)], matching the menu); single resources are checked
        // against the user's scope with the InScope policy; lists are filtered by ScopeQueryExtensions.VisibleTo;
        // downloads follow the page they belong to (PageAccess plus that page's query).
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.InScope, p => p.RequireAuthenticatedUser().AddRequirements(InScopeRequirement.Instance));
        services.AddSingleton<IAuthorizationHandler, InstitutionScopeHandler>();

        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = PasswordRules.RequiredUniqueChars;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<MadrasahDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<IndonesianIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<MadrasahClaimsFactory>();

        // Identity's stores need a scoped context; features use the factory.
        services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<MadrasahDbContext>>().CreateDbContext());
        return services;
    }
}

public static class Policies
{
    /// <summary>Resource policy: the resource (an <see cref="InstitutionRef"/>) lies within the user's scope.</summary>
    public const string InScope = nameof(InScope);

    /// <summary>Asks the <see cref="InScope"/> policy about one resource for the request's user.</summary>
    public static async Task<bool> IsInScopeAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, InstitutionRef resource) =>
        (await authorization.AuthorizeAsync(user, resource, InScope)).Succeeded;
}
