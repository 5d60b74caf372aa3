using Madrasah.Blazor.Data;
using StatusTone = Madrasah.Blazor.Components.Shared.Tone;

namespace Madrasah.Blazor.Features.Approvals;

public enum ChangeRequestStatus
{
    Draft = 0,
    WaitingForHead = 1,
    WaitingForDistrict = 2,
    RejectedByHead = 3,
    RejectedByDistrict = 4,
    Applied = 5,
    Withdrawn = 6,
}

public enum FieldDecision
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>
/// An operator's proposed change of the institution's identity data: field by field old → new, approved by the
/// head of the institution, then by the district, and only then written into <see cref="Data.Institution"/>.
/// </summary>
public class ChangeRequest : IInstitutionOwned
{
    /// <summary>The longest rejection reason (head's per field, district's) and operator note: the columns' length.</summary>
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public Institution Institution { get; set; } = null!;

    public ChangeRequestStatus Status { get; set; }
    public string? OperatorNote { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>The district's reason when it rejected the request.</summary>
    public string? DistrictReason { get; set; }
    /// <summary>The approval receipt ("Bukti Perubahan Data") issued when the change was applied.</summary>
    public string? ReceiptNumber { get; set; }

    /// <summary>Optimistic concurrency token: bumped by every decision, so of two approvers acting at once only one wins.</summary>
    public int Revision { get; set; }

    public List<ChangeRequestField> Fields { get; set; } = [];
    public List<ChangeRequestEvent> Events { get; set; } = [];
}

/// <summary>One changed field of a request, with the decision of each approver.</summary>
public class ChangeRequestField
{
    public int Id { get; set; }
    public int ChangeRequestId { get; set; }
    /// <summary>Key of the field in <see cref="InstitutionFields"/>, e.g. "Phone".</summary>
    public string FieldKey { get; set; } = "";
    public string Label { get; set; } = "";
    /// <summary>The institution's value when the request was submitted: a different current value is a conflict.</summary>
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public FieldDecision HeadDecision { get; set; }
    public string? HeadReason { get; set; }
    public FieldDecision DistrictDecision { get; set; }
    public string? DistrictReason { get; set; }
}

public enum ChangeRequestAction
{
    Created = 0,
    Submitted = 1,
    Withdrawn = 2,
    HeadApprovedField = 3,
    HeadRejectedField = 4,
    ForwardedToDistrict = 5,
    ReturnedToOperator = 6,
    DistrictApproved = 7,
    DistrictRejected = 8,
    Applied = 9,
    Resubmitted = 10,
    DraftSaved = 11,
    /// <summary>The operator closed a rejected request instead of revising it.</summary>
    Closed = 12,
}

/// <summary>One step of a request's timeline: who (name and role), when (UTC), what, and why.</summary>
public class ChangeRequestEvent
{
    public long Id { get; set; }
    public int ChangeRequestId { get; set; }
    public DateTime OccurredUtc { get; set; }
    public string? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public string ActorRole { get; set; } = "";
    public ChangeRequestAction Action { get; set; }
    /// <summary>The field concerned (head's per-field decisions), or null.</summary>
    public string? FieldLabel { get; set; }
    public string? Reason { get; set; }
}

public static class ChangeRequestTexts
{
    public static string Label(this ChangeRequestStatus status) => status switch
    {
        ChangeRequestStatus.Draft => "Draf",
        ChangeRequestStatus.WaitingForHead => "Menunggu Persetujuan Kepala",
        ChangeRequestStatus.WaitingForDistrict => "Menunggu Persetujuan Kabupaten/Kota",
        ChangeRequestStatus.RejectedByHead => "Ditolak Kepala Madrasah",
        ChangeRequestStatus.RejectedByDistrict => "Ditolak Kabupaten/Kota",
        ChangeRequestStatus.Applied => "Diterapkan",
        ChangeRequestStatus.Withdrawn => "Ditarik Kembali",
        _ => status.ToString(),
    };

    /// <summary>What the status means to the reader; <c>StatusChip</c> / <c>ToneMarkup</c> turn it into a colour.</summary>
    public static StatusTone Tone(this ChangeRequestStatus status) => status switch
    {
        ChangeRequestStatus.WaitingForHead or ChangeRequestStatus.WaitingForDistrict => StatusTone.Waiting,
        ChangeRequestStatus.RejectedByHead or ChangeRequestStatus.RejectedByDistrict => StatusTone.Danger,
        ChangeRequestStatus.Applied => StatusTone.Success,
        _ => StatusTone.Neutral,
    };

    /// <summary>An approver's decision on a field as a tone: approved, rejected, or not decided (neutral).</summary>
    public static StatusTone Tone(this FieldDecision decision) => decision switch
    {
        FieldDecision.Approved => StatusTone.Success,
        FieldDecision.Rejected => StatusTone.Danger,
        _ => StatusTone.Neutral,
    };

    public static string Label(this FieldDecision decision) => decision switch
    {
        FieldDecision.Pending => "Belum diputuskan",
        FieldDecision.Approved => "Disetujui",
        FieldDecision.Rejected => "Ditolak",
        _ => decision.ToString(),
    };

    public static string Label(this ChangeRequestAction action) => action switch
    {
        ChangeRequestAction.Created => "Dibuat",
        ChangeRequestAction.DraftSaved => "Draf disimpan",
        ChangeRequestAction.Submitted => "Diajukan",
        ChangeRequestAction.Resubmitted => "Diajukan ulang setelah diperbaiki",
        ChangeRequestAction.Withdrawn => "Ditarik kembali",
        ChangeRequestAction.Closed => "Ditutup oleh operator",
        ChangeRequestAction.HeadApprovedField => "Disetujui Kepala Madrasah",
        ChangeRequestAction.HeadRejectedField => "Ditolak Kepala Madrasah",
        ChangeRequestAction.ForwardedToDistrict => "Diteruskan ke Kabupaten/Kota",
        ChangeRequestAction.ReturnedToOperator => "Dikembalikan ke Operator",
        ChangeRequestAction.DistrictApproved => "Disetujui Kabupaten/Kota",
        ChangeRequestAction.DistrictRejected => "Ditolak Kabupaten/Kota",
        ChangeRequestAction.Applied => "Diterapkan ke data lembaga",
        _ => action.ToString(),
    };
}
