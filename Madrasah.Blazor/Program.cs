using Madrasah.Blazor.Components;
using Madrasah.Blazor.Features.SignIn;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Madrasah.Blazor.Features.Attendance;
using Madrasah.Blazor.Features.Dashboard;
using Madrasah.Blazor.Features.HeadRegistration;
using Madrasah.Blazor.Features.Helpdesk;
using Madrasah.Blazor.Features.Institutions;
using Madrasah.Blazor.Features.PontrenRegistration;
using Madrasah.Blazor.Features.PontrenSync;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Features.TeacherVerification;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Hosting;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Infrastructure.Logging;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Uploads;

// The app's own folder as content root when started from elsewhere (see ContentRoot).
var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));

builder.Logging.AddMadrasahConsole(builder.Environment).AddTakenAddressFilter();
// Serves static assets from the build output in any environment (a no-op in a published app).
builder.WebHost.UseStaticWebAssets();
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddSecurityHeaders();
builder.Services.AddRequestLimits();
builder.Services.AddMadrasahTime();
builder.Services.AddMadrasahData(builder.Configuration, builder.Environment);
builder.Services.AddMadrasahIdentity(builder.Configuration, builder.Environment);
builder.Services.AddMadrasahUi();
builder.Services.AddLiveUpdates();
builder.Services.AddAudit();
builder.Services.AddUploads(builder.Configuration);
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddPdf(builder.Configuration);
builder.Services.AddDemoData();
builder.Services.AddDashboard();
builder.Services.AddInstitutions();
builder.Services.AddSignIn();
builder.Services.AddHeadRegistration(builder.Configuration);
builder.Services.AddApprovals();
builder.Services.AddUserAccounts(builder.Configuration);
builder.Services.AddTeacherVerification(builder.Configuration);
builder.Services.AddHelpdesk(builder.Configuration);
builder.Services.AddAttendance();
builder.Services.AddPontrenRegistration(builder.Configuration);
builder.Services.AddPontrenData();
builder.Services.AddPontrenSync(builder.Configuration);

var app = builder.Build();

app.UseTrustedProxies();
if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseRequestLimits();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseSecurityHeaders();
app.UseHiddenDeveloperPages();
// Placed here, not first (where the host would add them): hidden developer pages answer 404 before any sign-in
// redirect, and failures while reading the sign-in cookie get the error page.
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter(); // the policies endpoints name, e.g. the public receipt verification (AddPdf)
app.UseRequestLocalization();
app.UseAntiforgery();
app.MapStaticAssets();
// No WebSocket compression: each circuit of a browser that offers it (every browser) would hold a compressor and a
// decompressor, about 250 KB of native memory, and compress every render batch, to save a few hundred bytes per live
// update on an office network (README, Performance). The frame-ancestors rule it came with is in UseSecurityHeaders.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.DisableWebSocketCompression = true);
app.MapAccountEndpoints();
app.MapUploadEndpoints();
app.MapReceiptEndpoints();
app.MapPontrenRegistrationDocuments();
app.MapPontrenData();
app.MapHealthChecks("/healthz");
app.MapFailureProbe(app.Configuration);

// A taken address ends the start with one line and a non-zero exit code (TakenAddress).
return app.RunOrExplainTakenAddress();

public partial class Program { }
