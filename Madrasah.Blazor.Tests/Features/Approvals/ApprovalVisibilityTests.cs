using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Madrasah.Blazor.Infrastructure.Identity;

namespace Madrasah.Blazor.Tests.Features.Approvals;

/// <summary>
/// Who sees which request (ApprovalVisibility), the same in every list, count, detail and action; closing rejected
/// requests; paged inboxes.
/// </summary>
public class ApprovalVisibilityTests
{
    private const string Phone = nameof(Institution.Phone);
    private const string NotFound = "Pengajuan tidak ditemukan.";

    [Fact]
    public async Task The_head_never_sees_drafts_and_the_district_sees_nothing_that_has_not_reached_it()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var draft = await DraftAsync(kit, "0274-100");
        var withdrawnDraft = await DraftAsync(kit, "0274-101");
        await kit.Service.WithdrawAsync(kit.Operator, withdrawnDraft);
        var withdrawn = await kit.SubmitAsync((Phone, "0274-102"));
        await kit.Service.WithdrawAsync(kit.Operator, withdrawn.Id);
        var waiting = await kit.SubmitAsync((Phone, "0274-103"));

        Assert.Equal([waiting.Id, withdrawn.Id, withdrawnDraft, draft], await IdsAsync(kit, kit.Operator));

        Assert.Null(await kit.Service.GetAsync(kit.Head, draft));
        Assert.Null(await kit.Service.GetAsync(kit.Head, withdrawnDraft));
        Assert.NotNull(await kit.Service.GetAsync(kit.Head, withdrawn.Id));
        Assert.Equal([waiting.Id, withdrawn.Id], await IdsAsync(kit, kit.Head));
        var inbox = await kit.Service.HeadInboxAsync(kit.Head);
        Assert.Equal([waiting.Id], inbox.Waiting.Rows.Select(r => r.Id));
        Assert.Equal([withdrawn.Id], inbox.History.Rows.Select(r => r.Id));
        Assert.Equal(NotFound, (await kit.Service.HeadDecideAsync(kit.Head, draft, 1, [])).Error);

        foreach (var id in new[] { draft, withdrawnDraft, withdrawn.Id, waiting.Id })
            Assert.Null(await kit.Service.GetAsync(kit.DistrictAdmin, id));
        Assert.Empty(await IdsAsync(kit, kit.DistrictAdmin));
        foreach (var status in Enum.GetValues<ChangeRequestStatus>())
            Assert.Empty(await IdsAsync(kit, kit.DistrictAdmin, new(Status: status)));
        Assert.Equal(0, await kit.Service.CountPendingAsync(kit.DistrictAdmin));
        Assert.Equal(NotFound, (await kit.Service.DistrictDecideAsync(kit.DistrictAdmin, waiting.Id, waiting.Revision, approve: true, null)).Error);
    }

    [Fact]
    public async Task The_district_sees_what_reached_it_until_the_operator_revises_it()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var forwarded = await ForwardedAsync(kit, "0274-200");
        var rejected = await ForwardedAsync(kit, "0274-201");
        await kit.DistrictDecideAsync(rejected, approve: false, reason: "Nomor belum terdaftar.");
        var revised = await ForwardedAsync(kit, "0274-202");
        await kit.DistrictDecideAsync(revised, approve: false, reason: "Nomor belum terdaftar.");
        var headRejected = await kit.SubmitAsync((Phone, "0274-203"));
        await kit.HeadDecideAsync(headRejected.Id, Phone);

        Assert.Equal([revised, rejected, forwarded], await IdsAsync(kit, kit.DistrictAdmin));
        Assert.Equal([forwarded], await IdsAsync(kit, kit.DistrictAdmin, new(Status: ChangeRequestStatus.WaitingForDistrict)));
        Assert.Null(await kit.Service.GetAsync(kit.DistrictAdmin, headRejected.Id));

        // Revised into a draft: the operator's alone again (the district sees it when it is forwarded once more).
        var draft = await kit.Service.SaveAsync(kit.Operator, revised, new Dictionary<string, string?> { [Phone] = "0274-212" }, null, submit: false);
        Assert.True(draft.Succeeded, draft.Error);
        Assert.Null(await kit.Service.GetAsync(kit.DistrictAdmin, revised));
        Assert.Null(await kit.Service.GetAsync(kit.Head, revised));
        Assert.Equal([rejected, forwarded], await IdsAsync(kit, kit.DistrictAdmin));
        Assert.Equal([ChangeRequestStatus.WaitingForDistrict, ChangeRequestStatus.Applied, ChangeRequestStatus.RejectedByDistrict, ChangeRequestStatus.Withdrawn],
            ApprovalVisibility.DistrictStatuses);
    }

    [Fact]
    public async Task The_operator_closes_a_rejected_request_and_it_leaves_the_pending_count()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var byHead = await kit.SubmitAsync((Phone, "0274-300"));
        await kit.HeadDecideAsync(byHead.Id, Phone);
        var byDistrict = await ForwardedAsync(kit, "0274-301");
        await kit.DistrictDecideAsync(byDistrict, approve: false, reason: "Nomor belum terdaftar.");
        Assert.Equal(2, await kit.Service.CountPendingAsync(kit.Operator));

        foreach (var id in new[] { byHead.Id, byDistrict })
        {
            var detail = (await kit.Service.GetAsync(kit.Operator, id))!;
            Assert.True(detail is { IsRejected: true, CanEdit: true, CanWithdraw: true });
            Assert.True((await kit.Service.WithdrawAsync(kit.Operator, id, detail.Revision)).Succeeded);
            var closed = (await kit.Service.GetAsync(kit.Operator, id))!;
            Assert.Equal((ChangeRequestStatus.Withdrawn, ChangeRequestAction.Closed), (closed.Status, closed.Timeline[^1].Action));
            Assert.False(closed.CanEdit || closed.CanWithdraw);
        }

        Assert.Equal(0, await kit.Service.CountPendingAsync(kit.Operator));
        Assert.Contains("tidak dapat diubah", (await kit.Service.SaveAsync(kit.Operator, byHead.Id, new Dictionary<string, string?> { [Phone] = "0274-309" }, null, true)).Error);
        Assert.Equal(2, (await kit.AuditAsync()).Count(a => a.Action == "approvals.closed"));
        // Both stay in the head's history; the district keeps the one it rejected.
        Assert.Equal([byDistrict, byHead.Id], (await kit.Service.HeadInboxAsync(kit.Head)).History.Rows.Select(r => r.Id));
        Assert.Equal([byDistrict], await IdsAsync(kit, kit.DistrictAdmin, new(Status: ChangeRequestStatus.Withdrawn)));
    }

    [Fact]
    public async Task Inboxes_come_in_pages_of_twenty_newest_first()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var ids = new List<int>();
        for (var i = 0; i < 25; i++) ids.Add((await kit.SubmitAsync((Phone, $"0274-4{i:00}"))).Id);

        var first = (await kit.Service.HeadInboxAsync(kit.Head)).Waiting;
        Assert.Equal((1, false, true, 20), (first.Page, first.HasPrevious, first.HasNext, first.Rows.Count));
        Assert.Equal(ids[^1], first.Rows[0].Id);
        Assert.Equal("Telepon", first.Rows[0].FieldLabels);
        var second = (await kit.Service.HeadInboxAsync(kit.Head, waitingPage: 2)).Waiting;
        Assert.Equal((2, true, false), (second.Page, second.HasPrevious, second.HasNext));
        Assert.Equal(ids.Take(5).Reverse(), second.Rows.Select(r => r.Id));
        Assert.Equal(2, (await kit.Service.HeadInboxAsync(kit.Head, waitingPage: 9)).Waiting.Page); // past the end: the last page

        await kit.HeadDecideAsync(ids[0]);
        var inbox = await kit.Service.HeadInboxAsync(kit.Head, waitingPage: 2);
        Assert.Equal(4, inbox.Waiting.Rows.Count);
        Assert.Equal([ids[0]], inbox.History.Rows.Select(r => r.Id));
        Assert.Equal(25, (await kit.Service.ListAsync(kit.Operator)).Rows.Count + (await kit.Service.ListAsync(kit.Operator, page: 2)).Rows.Count);
    }

    [Fact]
    public async Task Inbox_reads_are_shared_by_users_of_the_same_scope_until_the_next_change()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var first = await kit.SubmitAsync((Phone, "0274-500"));
        var deputy = kit.Head with { UserId = "deputy-head", FullName = "Wakil Kepala" };

        var seenByHead = await kit.Service.HeadInboxAsync(kit.Head);
        Assert.Same(seenByHead, await kit.Service.HeadInboxAsync(deputy)); // one query for every open inbox of the institution
        Assert.Equal(1, await kit.Service.CountPendingAsync(deputy));

        var second = await kit.SubmitAsync((Phone, "0274-501"));
        Assert.Equal([second.Id, first.Id], (await kit.Service.HeadInboxAsync(deputy)).Waiting.Rows.Select(r => r.Id));
        Assert.Equal(2, await kit.Service.CountPendingAsync(kit.Head));
    }

    private static async Task<int> DraftAsync(ApprovalTestKit kit, string phone)
    {
        var result = await kit.Service.SaveAsync(kit.Operator, null, new Dictionary<string, string?> { [Phone] = phone }, null, submit: false);
        Assert.True(result.Succeeded, result.Error);
        return result.RequestId!.Value;
    }

    private static async Task<int> ForwardedAsync(ApprovalTestKit kit, string phone)
    {
        var request = await kit.SubmitAsync((Phone, phone));
        Assert.True((await kit.HeadDecideAsync(request.Id)).Succeeded);
        return request.Id;
    }

    private static async Task<List<int>> IdsAsync(ApprovalTestKit kit, UserScope scope, ChangeRequestFilter? filter = null) =>
        (await kit.Service.ListAsync(scope, filter)).Rows.Select(r => r.Id).ToList();
}
