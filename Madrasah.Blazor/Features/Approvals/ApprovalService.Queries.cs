using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Approvals;

/// <summary>
/// What each approvals page shows: the inboxes (one page each), the pending count, a request, the form. The inbox
/// reads and the count are shared between circuits through <see cref="ApprovalReadCache"/>.
/// </summary>
public sealed partial class ApprovalService
{
    /// <summary>Rows per page of every inbox list.</summary>
    public const int PageSize = 20;

    /// <summary>The form's starting values: a draft's or rejected request's new values over the institution's data, its note and revision.</summary>
    public async Task<ChangeRequestForm?> GetFormAsync(UserScope scope, int? requestId = null)
    {
        if (scope.Role != Roles.Operator || scope.InstitutionId is null) return null;
        await using var db = await factory.CreateDbContextAsync();
        var institution = await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == scope.InstitutionId);
        if (institution is null) return null;
        var current = InstitutionFields.ValuesOf(institution);
        var values = new Dictionary<string, string?>(current);
        if (requestId is null) return new ChangeRequestForm { Values = values, Current = current };
        var request = await db.Set<ChangeRequest>().VisibleApprovals(scope).AsNoTracking().Include(r => r.Fields).FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null || !IsEditable(request.Status)) return null;
        foreach (var field in request.Fields) values[field.FieldKey] = field.NewValue;
        return new ChangeRequestForm { Values = values, Current = current, Note = request.OperatorNote, Revision = request.Revision };
    }

    /// <summary>One page of the requests this user sees, newest change first unless the filter sorts otherwise; none for dates that cannot match (see <see cref="ChangeRequestFilter.DateRangeError"/>).</summary>
    public Task<ChangeRequestList> ListAsync(UserScope scope, ChangeRequestFilter? filter = null, int page = 1)
    {
        filter ??= new();
        if (filter.DateRangeError() is not null) return Task.FromResult(ChangeRequestList.Empty);
        return reads.GetOrLoadAsync($"list|{ScopeKey(scope)}|{filter}|{page}", () => QueryListAsync(scope, filter, page));
    }

    private async Task<ChangeRequestList> QueryListAsync(UserScope scope, ChangeRequestFilter filter, int page)
    {
        await using var db = await factory.CreateDbContextAsync();
        var query = db.Set<ChangeRequest>().VisibleApprovals(scope);
        if (filter.InstitutionId is { } institutionId) query = query.Where(r => r.InstitutionId == institutionId);
        if (filter.Status is { } status) query = query.Where(r => r.Status == status);
        if (filter.From is { } from) { var fromUtc = Wib.ToUtc(from.ToDateTime(TimeOnly.MinValue)); query = query.Where(r => r.SubmittedUtc >= fromUtc); }
        if (filter.To is { } to) { var toUtc = Wib.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)); query = query.Where(r => r.SubmittedUtc < toUtc); }
        return await PageAsync(query.Matching(filter.Search), page, filter.Sort);
    }

    /// <summary>The head's inbox: the page of requests waiting for the head, and the page of the other (history), each in its own order.</summary>
    public Task<HeadInbox> HeadInboxAsync(UserScope scope, int waitingPage = 1, int historyPage = 1, ChangeRequestSort? waitingSort = null, ChangeRequestSort? historySort = null) =>
        scope.Role != Roles.KepalaMadrasah ? Task.FromResult(HeadInbox.Empty)
            : reads.GetOrLoadAsync($"head|{ScopeKey(scope)}|{waitingPage}|{historyPage}|{waitingSort}|{historySort}",
                () => QueryHeadInboxAsync(scope, waitingPage, historyPage, waitingSort, historySort));

    private async Task<HeadInbox> QueryHeadInboxAsync(UserScope scope, int waitingPage, int historyPage, ChangeRequestSort? waitingSort, ChangeRequestSort? historySort)
    {
        await using var db = await factory.CreateDbContextAsync();
        var visible = db.Set<ChangeRequest>().VisibleApprovals(scope);
        return new HeadInbox(
            await PageAsync(visible.Where(r => r.Status == ChangeRequestStatus.WaitingForHead), waitingPage, waitingSort),
            await PageAsync(visible.Where(r => r.Status != ChangeRequestStatus.WaitingForHead), historyPage, historySort));
    }

    /// <summary>What waits for this user: the head's and the district's pending decisions, the operator's rejected requests.</summary>
    public Task<int> CountPendingAsync(UserScope scope)
    {
        var waiting = WaitingStatusesFor(scope);
        if (waiting.Length == 0) return Task.FromResult(0);
        return reads.GetOrLoadAsync($"count|{ScopeKey(scope)}", async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.Set<ChangeRequest>().VisibleApprovals(scope).CountAsync(r => waiting.Contains(r.Status));
        });
    }

    /// <summary>What decides which requests a user sees: users with the same key share inbox reads.</summary>
    private static string ScopeKey(UserScope scope) => $"{scope.Role}|{scope.InstitutionId}|{scope.DistrictId}";

    public static ChangeRequestStatus[] WaitingStatusesFor(UserScope scope) => scope.Role switch
    {
        Roles.KepalaMadrasah => [ChangeRequestStatus.WaitingForHead],
        Roles.AdminKabKota => [ChangeRequestStatus.WaitingForDistrict],
        Roles.Operator => [ChangeRequestStatus.RejectedByHead, ChangeRequestStatus.RejectedByDistrict],
        _ => [],
    };

    /// <summary>The request, or null when it does not exist or this user may not see it (pages say "not found" for both).</summary>
    public async Task<ChangeRequestDetail?> GetAsync(UserScope scope, int requestId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var request = await db.Set<ChangeRequest>().VisibleApprovals(scope).AsNoTracking()
            .Include(r => r.Institution).Include(r => r.Fields).Include(r => r.Events)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null) return null;
        var current = InstitutionFields.ValuesOf(request.Institution);
        var pending = request.Status is ChangeRequestStatus.WaitingForHead or ChangeRequestStatus.WaitingForDistrict;
        var fields = request.Fields.OrderBy(f => Order(f.FieldKey)).Select(f =>
        {
            var now = current.GetValueOrDefault(f.FieldKey);
            var conflict = pending && f.HeadDecision != FieldDecision.Rejected && now != f.OldValue;
            return new ChangeFieldView(f.Id, f.FieldKey, f.Label, f.OldValue, f.NewValue, now, f.HeadDecision, f.HeadReason, f.DistrictDecision, f.DistrictReason, conflict);
        }).ToList();
        var timeline = request.Events.OrderBy(e => e.OccurredUtc).ThenBy(e => e.Id)
            .Select(e => new TimelineEntry(e.OccurredUtc, e.ActorName, e.ActorRole, e.Action, e.FieldLabel, e.Reason)).ToList();
        var ownInstitution = scope.InstitutionId == request.InstitutionId;
        return new ChangeRequestDetail(
            request.Id, request.InstitutionId, request.Institution.Name, request.Institution.DistrictId, request.Status, request.OperatorNote,
            request.CreatedByName, request.CreatedUtc, request.SubmittedUtc, request.Revision, request.DistrictReason, request.ReceiptNumber,
            fields, timeline,
            CanEdit: scope.Role == Roles.Operator && ownInstitution && IsEditable(request.Status),
            CanWithdraw: scope.Role == Roles.Operator && ownInstitution && IsWithdrawable(request),
            CanHeadDecide: scope.Role == Roles.KepalaMadrasah && ownInstitution && request.Status == ChangeRequestStatus.WaitingForHead,
            CanDistrictDecide: scope.Role == Roles.AdminKabKota && scope.DistrictId == request.Institution.DistrictId && request.Status == ChangeRequestStatus.WaitingForDistrict);
    }

    /// <summary>
    /// One page of rows in one query (no tracking, only the shown columns, the changed fields joined in SQL); a page
    /// past the end (rows withdrawn meanwhile) falls back to the last page.
    /// </summary>
    private static async Task<ChangeRequestList> PageAsync(IQueryable<ChangeRequest> query, int page, ChangeRequestSort? sort)
    {
        page = Math.Max(1, page);
        var rows = await query.AsNoTracking()
            .SortedBy(sort)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(r => new ChangeRequestListItem(r.Id, r.Institution.Name, r.Status, r.CreatedByName, r.SubmittedUtc,
                string.Join(", ", r.Fields.OrderBy(f => f.Id).Select(f => f.Label))))
            .ToListAsync();
        if (rows.Count == 0 && page > 1)
        {
            var lastPage = Math.Max(1, (await query.CountAsync() + PageSize - 1) / PageSize);
            return lastPage < page ? await PageAsync(query, lastPage, sort) : new ChangeRequestList([], page, false);
        }
        return new ChangeRequestList(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }
}
