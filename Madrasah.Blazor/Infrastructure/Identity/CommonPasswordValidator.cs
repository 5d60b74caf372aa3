using Madrasah.Blazor.Data;
using Microsoft.AspNetCore.Identity;

namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>
/// Refuses very common passwords, and passwords longer than <see cref="PasswordRules.MaximumLength"/> (Identity's
/// options have no upper bound), each with its own message; the character rules are Identity's options.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(PasswordRules.CheckLength(password) is { } tooLong
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = tooLong })
            : PasswordRules.IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = PasswordRules.CommonPasswordMessage })
            : IdentityResult.Success);
}
