namespace Madrasah.Blazor.Features.TeacherVerification;

/// <summary>A row of the operator's PTK accounts table.</summary>
public sealed record PtkAccountRow(
    int StaffId, string FullName, string Nik, string? Nip, string Position, string? Email, PtkAccountStatus Status,
    bool HasAccount, bool AccountHasPassword, DateTime? LastCodeUtc, DateTime? CodeExpiresUtc);

/// <summary>What the table asks for: a search (name, NIK, NIP, email, position), one status or all, a 1-based page.</summary>
public sealed record PtkAccountQuery(string? Search = null, PtkAccountStatus? Status = null, int Page = 1, int PageSize = 25);

/// <summary>
/// One page of rows, the matches in all, the institution's counts per status (the filter and the counter), and whether
/// the operator's own email is verified (until then the table only shows).
/// </summary>
public sealed record PtkAccountPage(IReadOnlyList<PtkAccountRow> Items, int TotalCount, IReadOnlyDictionary<PtkAccountStatus, int> Counts, bool OperatorVerified)
{
    public int StaffCount => Counts.Values.Sum();
    public int VerifiedCount => Counts.GetValueOrDefault(PtkAccountStatus.Verified);
}

/// <summary>How the operator gives a PTK a sign-in account.</summary>
public enum AccountSetup
{
    /// <summary>A one-time link by email; the teacher sets the password.</summary>
    Link,
    /// <summary>An initial password the operator hands over.</summary>
    InitialPassword,
}

/// <summary>One line of a pasted or imported "NIK/NIP → email" list, and what became of it.</summary>
public sealed record ImportRow(int Line, string Identifier, string Email, string? StaffName, ImportOutcome Outcome, string Message);

public enum ImportOutcome { Ready, Saved, Unchanged, Error, Header }

public sealed record ImportReport(IReadOnlyList<ImportRow> Rows, bool Applied)
{
    public int Errors => Rows.Count(r => r.Outcome == ImportOutcome.Error);
    public int Changes => Rows.Count(r => r.Outcome is ImportOutcome.Ready or ImportOutcome.Saved);
}
