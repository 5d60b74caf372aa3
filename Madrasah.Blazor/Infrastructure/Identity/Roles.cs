namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>The roles of the product (DESIGN.md), plus the system administrator who keeps the calendar and the outbox.</summary>
public static class Roles
{
    public const string Operator = "Operator";
    public const string KepalaMadrasah = "KepalaMadrasah";
    public const string AdminKabKota = "AdminKabKota";
    public const string Pegawai = "Pegawai";
    public const string PetugasKepegawaian = "PetugasKepegawaian";
    public const string Helpdesk = "Helpdesk";
    public const string Admin = "Admin";

    public static readonly string[] All = [Operator, KepalaMadrasah, AdminKabKota, Pegawai, PetugasKepegawaian, Helpdesk, Admin];

    /// <summary>Every role, for <c>[Authorize(Roles = Roles.AnyRole)]</c> on pages each role has (the dashboard).</summary>
    public const string AnyRole = Operator + "," + KepalaMadrasah + "," + AdminKabKota + "," + Pegawai + "," + PetugasKepegawaian + "," + Helpdesk + "," + Admin;

    /// <summary>Roles whose every view is limited to one institution.</summary>
    public static readonly string[] InstitutionBound = [Operator, KepalaMadrasah, Pegawai, PetugasKepegawaian];

    public static string Label(string role) => role switch
    {
        Operator => "Operator / Staf Lembaga",
        KepalaMadrasah => "Kepala Madrasah",
        AdminKabKota => "Admin Kabupaten/Kota",
        Pegawai => "Pegawai / PTK",
        PetugasKepegawaian => "Petugas Kepegawaian",
        Helpdesk => "Petugas Helpdesk",
        Admin => "Administrator Sistem",
        _ => role,
    };
}

public static class MadrasahClaims
{
    public const string InstitutionId = "madrasah:institution";
    public const string DistrictId = "madrasah:district";
    public const string FullName = "madrasah:name";
}
