using Madrasah.Blazor.Data;
using Madrasah.Blazor.Data.Providers;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>The PBKDF2 work of every stored Password.</summary>
public static class PasswordHashing
{
    /// <summary>The iterations of every stored Password (OWASP's figure for PBKDF2-HMAC-SHA512).</summary>
    public const int DefaultIterations = 210_000;

    /// <summary>A lower count for test hosts (each of a test run's sign-ins hashes); a production host refuses it.</summary>
    public const string IterationsKey = "Identity:PasswordHashIterations";
}

public static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddMadrasahIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Keys survive a restart: on disk next to the SQLite file, or in the database that several servers share
        // (a cookie made by one server then opens on every other).
        var dataProtection = services.AddDataProtection().SetApplicationName("Madrasah");
        if (DatabaseOptions.From(configuration).Provider == DatabaseProvider.PostgreSQL)
            dataProtection.PersistKeysToDbContext<MadrasahDbContext>();
        else
        {
            var keyFolder = configuration["DataProtection:KeyFolder"] ?? "App_Data/keys";
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.IsPathRooted(keyFolder) ? keyFolder : Path.Combine(environment.ContentRootPath, keyFolder)));
        }

        services.AddCascadingAuthenticationState();
        // Sign-out, deactivation and a new Password end every cookie and open page of the account (SessionValidator).
        services.AddOptions<SessionOptions>()
            .Bind(configuration.GetSection(SessionOptions.Section))
            .Validate(o => o.RevalidationSeconds is >= 1 and <= 60, "Sessions:RevalidationSeconds must lie between 1 and 60.")
            .Validate(o => o.CacheSeconds is >= 0 and <= 60, "Sessions:CacheSeconds must lie between 0 and 60.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddLiveUpdates();
        services.AddSingleton<ISessionValidator, SessionValidator>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
        services.AddScoped<CircuitHandler, LiveSessionCircuitHandler>();
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
                // Outside Development the cookie travels over HTTPS only (SecurityHeaders makes every other cookie Secure too).
                if (!environment.IsDevelopment()) o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                SessionValidator.CheckEveryRequest(o);
                // The cookie handler would itself redirect a sign-in posted to the login path to its ReturnUrl query value
                // (checked only for a leading "/": a non-ASCII one gave a 500). The sign-in page decides instead, through
                // SignInService.SafeReturnUrl.
                o.Events.OnRedirectToReturnUrl = _ => Task.CompletedTask;
            }));

        // Pages say which roles open them ([Authorize(Roles = ...)], matching the menu); single resources are checked
        // against the user's scope with the InScope policy; lists are filtered by ScopeQueryExtensions.VisibleTo;
        // downloads follow the page they belong to (PageAccess plus that page's query).
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.InScope, p => p.RequireAuthenticatedUser().AddRequirements(InScopeRequirement.Instance));
        services.AddSingleton<IAuthorizationHandler, InstitutionScopeHandler>();

        // PBKDF2 work per Password: 210,000 iterations. Identity:PasswordHashIterations lowers it for test hosts only
        // (every sign-in and new Password of a test run hashes); a production host refuses a lower value at start-up.
        services.AddOptions<PasswordHasherOptions>()
            .Configure(o => o.IterationCount = configuration.GetValue(PasswordHashing.IterationsKey, PasswordHashing.DefaultIterations))
            .Validate(o => o.IterationCount >= PasswordHashing.DefaultIterations || !environment.IsProduction(),
                $"{PasswordHashing.IterationsKey} below {PasswordHashing.DefaultIterations} is for tests only, never for production.")
            .ValidateOnStart();

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
