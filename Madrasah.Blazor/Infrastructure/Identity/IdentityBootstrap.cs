using Madrasah.Blazor.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>The "InitialAdmin" section: the first system administrator of a database that has none.</summary>
public sealed class InitialAdminOptions
{
    public const string Section = "InitialAdmin";

    public string? Email { get; set; }
    public string? Password { get; set; }
    public string FullName { get; set; } = "Administrator Sistem";
}

/// <summary>
/// Makes a database usable outside the demo: every role exists, and when no administrator account exists yet,
/// one is created from <see cref="InitialAdminOptions"/> (set once through the environment, then changed by the
/// administrator at "Ubah Password"). The administrator creates all other accounts at /admin/pengguna.
/// </summary>
public sealed class IdentityBootstrap(
    RoleManager<IdentityRole> roles,
    UserManager<ApplicationUser> users,
    IOptions<InitialAdminOptions> options,
    TimeProvider clock,
    ILogger<IdentityBootstrap> logger)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded) throw new InvalidOperationException($"Role {role}: {Describe(result)}");
            }
    }

    public async Task EnsureAdministratorAsync()
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Email) || string.IsNullOrEmpty(o.Password))
        {
            logger.LogWarning("No system administrator account exists: set InitialAdmin:Email and InitialAdmin:Password " +
                              "(e.g. InitialAdmin__Email, InitialAdmin__Password in the environment) and restart to create one");
            return;
        }

        var email = o.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is not null)
            throw new InvalidOperationException($"InitialAdmin:Email {email} belongs to an existing account that is not an administrator; choose another address.");
        user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = o.FullName, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, o.Password);
        if (!created.Succeeded)
            throw new InvalidOperationException($"InitialAdmin: the account {email} could not be created: {Describe(created)}");
        var role = await users.AddToRoleAsync(user, Roles.Admin);
        if (!role.Succeeded) throw new InvalidOperationException($"InitialAdmin: {Describe(role)}");
        logger.LogWarning("System administrator {Email} created from InitialAdmin; sign in and change its password at /akun/password, " +
                          "then remove InitialAdmin:Password from the configuration", email);
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
