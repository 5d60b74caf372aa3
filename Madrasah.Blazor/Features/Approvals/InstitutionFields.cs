using System.Globalization;
using Madrasah.Blazor.Data;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>An editable identity field of an institution: its key, Indonesian label, and how to read and write it as text.</summary>
public sealed record InstitutionField(string Key, string Label, Func<Institution, string?> Read, Action<Institution, string?> Write);

/// <summary>The identity data an operator may propose to change (DESIGN.md job 1), in form order.</summary>
public static class InstitutionFields
{
    public static readonly IReadOnlyList<InstitutionField> All =
    [
        new(nameof(Institution.Name), "Nama Lembaga", i => i.Name, (i, v) => i.Name = v ?? ""),
        new(nameof(Institution.Address), "Alamat", i => i.Address, (i, v) => i.Address = v ?? ""),
        new(nameof(Institution.Village), "Desa/Kelurahan", i => i.Village, (i, v) => i.Village = v),
        new(nameof(Institution.Subdistrict), "Kecamatan", i => i.Subdistrict, (i, v) => i.Subdistrict = v),
        new(nameof(Institution.PostalCode), "Kode Pos", i => i.PostalCode, (i, v) => i.PostalCode = v),
        new(nameof(Institution.Phone), "Telepon", i => i.Phone, (i, v) => i.Phone = v),
        new(nameof(Institution.Email), "Email", i => i.Email, (i, v) => i.Email = v),
        new(nameof(Institution.Website), "Situs Web", i => i.Website, (i, v) => i.Website = v),
        new(nameof(Institution.Accreditation), "Akreditasi", i => i.Accreditation, (i, v) => i.Accreditation = v),
        new(nameof(Institution.HeadName), "Nama Kepala Lembaga", i => i.HeadName, (i, v) => i.HeadName = v),
        new(nameof(Institution.StudentCount), "Jumlah Siswa/Santri", i => Number(i.StudentCount), (i, v) => i.StudentCount = ParseNumber(v)),
        new(nameof(Institution.TeacherCount), "Jumlah Guru", i => Number(i.TeacherCount), (i, v) => i.TeacherCount = ParseNumber(v)),
        new(nameof(Institution.Facilities), "Sarana Prasarana", i => i.Facilities, (i, v) => i.Facilities = v),
    ];

    public static InstitutionField? Find(string key) => All.FirstOrDefault(f => f.Key == key);

    /// <summary>Blank and whitespace are "no value"; otherwise trimmed.</summary>
    public static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The current value of every field, normalized.</summary>
    public static Dictionary<string, string?> ValuesOf(Institution institution) =>
        All.ToDictionary(f => f.Key, f => Normalize(f.Read(institution)));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static int ParseNumber(string? v) => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
