using Madrasah.Blazor.Data;

namespace Madrasah.Blazor.Features.PontrenRegistration;

/// <summary>The registration form's fields (names match <see cref="RegistrationForm"/>, so the service's refusals land beside them).</summary>
public sealed class RegistrationInput
{
    public InstitutionType? Category { get; set; }
    public string? InstitutionName { get; set; }
    public string? StatisticNumber { get; set; }
    public string? Npsn { get; set; }
    public string? Address { get; set; }
    public string? Village { get; set; }
    public string? Subdistrict { get; set; }
    public string? ProvinceCode { get; set; }
    public int? DistrictId { get; set; }
    /// <summary>The pickers work on DateTime; the registration keeps the date alone.</summary>
    public DateTime? FoundedOn { get; set; }
    public string? SkNumber { get; set; }
    public DateTime? SkDate { get; set; }
    public string? OperatorName { get; set; }
    public string? OperatorNik { get; set; }
    public string? OperatorEmail { get; set; }

    public RegistrationForm ToForm() => new(Category, InstitutionName, StatisticNumber, Npsn, Address, Village, Subdistrict, ProvinceCode, DistrictId,
        FoundedOn is { } founded ? DateOnly.FromDateTime(founded) : null, SkNumber, SkDate is { } sk ? DateOnly.FromDateTime(sk) : null,
        OperatorName, OperatorNik, OperatorEmail);
}
