using System.Security.Claims;

namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>
/// Who may download the receipts of one kind: the rule of the page the receipt is printed on and shown at, registered
/// by the feature that issues it (<c>services.AddReceiptAccessRule&lt;T&gt;()</c>) and built from that page's own rule
/// (<see cref="Identity.PageAccess"/> plus the page's data query), never a copy of it. A kind without a rule is
/// downloaded by nobody.
/// </summary>
public interface IReceiptAccessRule
{
    /// <summary>The <see cref="ReceiptKind.Code"/> this rule is for.</summary>
    string Kind { get; }

    Task<bool> MayReadAsync(ClaimsPrincipal user, ReceiptOwner receipt, CancellationToken cancellationToken);
}

public static class ReceiptAccessRuleServiceCollectionExtensions
{
    public static IServiceCollection AddReceiptAccessRule<TRule>(this IServiceCollection services) where TRule : class, IReceiptAccessRule
    {
        services.AddScoped<IReceiptAccessRule, TRule>();
        return services;
    }
}
