using Madrasah.Blazor.Infrastructure.Identity;

namespace Madrasah.Blazor.Features.Attendance;

/// <summary>
/// The one rule of who sees a complaint: the staff member who sent it (in their institution), and the personnel
/// officer of its institution. Nobody else, whatever id they try.
/// </summary>
public static class ComplaintVisibility
{
    public static IQueryable<AttendanceComplaint> VisibleComplaints(this IQueryable<AttendanceComplaint> query, UserScope scope) => scope.Role switch
    {
        Roles.Pegawai when scope.InstitutionId is { } id => query.Where(c => c.InstitutionId == id && c.SubmittedByUserId == scope.UserId),
        Roles.PetugasKepegawaian when scope.InstitutionId is { } id => query.Where(c => c.InstitutionId == id),
        _ => query.Where(_ => false),
    };
}
