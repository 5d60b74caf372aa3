namespace Madrasah.Blazor.Infrastructure.Validation;

/// <summary>
/// A service's answer to a submitted form: Indonesian messages per field (the form's property names; "" for the
/// whole form), empty when it succeeded. Pages show it with <c>&lt;ServerValidation Errors="…" /&gt;</c>.
/// </summary>
public sealed record FormResult(IReadOnlyDictionary<string, string> Errors)
{
    public static readonly FormResult Success = new(new Dictionary<string, string>());
    public bool Succeeded => Errors.Count == 0;
    public static FormResult Error(string field, string message) => new(new Dictionary<string, string> { [field] = message });
}
