using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Madrasah.Blazor.Components.Shared;

/// <summary>
/// The short reference a user reads out for one error: the same for the same exception however often the page
/// around it renders again, so the log holds it once and the screen never changes it.
/// </summary>
public static class ErrorReference
{
    private static readonly ConditionalWeakTable<Exception, string> References = new();

    /// <summary>The exception's reference; <paramref name="isNew"/> is true only the first time (the caller logs then).</summary>
    public static string For(Exception exception, out bool isNew)
    {
        if (References.TryGetValue(exception, out var existing))
        {
            isNew = false;
            return existing;
        }
        var reference = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        isNew = References.TryAdd(exception, reference);
        return isNew ? reference : References.GetValue(exception, _ => reference);
    }
}
