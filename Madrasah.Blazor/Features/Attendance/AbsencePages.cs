using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Madrasah.Blazor.Features.Attendance;

// The "Ketidakhadiran" (leave) list and form: the complaint pages with the other category, as page types of their own
// rather than a second @page on the same component. In-app navigation between two addresses of one component keeps its
// instance and gives it no new parameters, so a category read from the address never changed: the menu's "Laporan
// Ketidakhadiran" clicked on "Laporan Pengaduan" went on showing the complaints.

[Route("/laporan/ketidakhadiran")]
[Authorize(Roles = Roles.Pegawai)]
public sealed class AbsenceListPage : ComplaintListPage
{
    protected override ComplaintCategory Category => ComplaintCategory.Ketidakhadiran;
}

[Route("/laporan/ketidakhadiran/baru")]
[Authorize(Roles = Roles.Pegawai)]
public sealed class AbsenceFormPage : ComplaintFormPage
{
    protected override ComplaintCategory Category => ComplaintCategory.Ketidakhadiran;
}
