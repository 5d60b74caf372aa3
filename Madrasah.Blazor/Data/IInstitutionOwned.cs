namespace Madrasah.Blazor.Data;

/// <summary>
/// Marks an entity that belongs to one institution. Every query for such entities goes through
/// <see cref="Infrastructure.Identity.ScopeQueryExtensions.VisibleTo{T}"/> so no user reaches another institution's rows.
/// </summary>
public interface IInstitutionOwned
{
    int InstitutionId { get; }
    Institution Institution { get; }
}
