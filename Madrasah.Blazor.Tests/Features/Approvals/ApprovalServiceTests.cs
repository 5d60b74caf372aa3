using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Tests.Infrastructure;
using Madrasah.Blazor.Tests.Infrastructure.Pdf;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.Approvals;

public class ApprovalServiceTests
{
    private const string Name = nameof(Institution.Name);
    private const string Phone = nameof(Institution.Phone);

    [Fact]
    public async Task Submitting_lists_only_changed_fields_emails_the_head_and_writes_the_audit()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var values = InstitutionFields.ValuesOf(kit.Min1);
        values[Name] = "MIN 1 Sleman Baru";
        values[nameof(Institution.StudentCount)] = "400";

        var result = await kit.Service.SaveAsync(kit.Operator, null, values, "Sesuai SK terbaru.", submit: true);

        Assert.True(result.Succeeded, result.Error);
        var request = (await kit.Service.GetAsync(kit.Operator, result.RequestId!.Value))!;
        Assert.Equal(ChangeRequestStatus.WaitingForHead, request.Status);
        Assert.Equal(["Nama Lembaga", "Jumlah Siswa/Santri"], request.Fields.Select(f => f.Label));
        Assert.Equal(("MIN 1 Sleman", "MIN 1 Sleman Baru"), (request.Fields[0].OldValue, request.Fields[0].NewValue));
        Assert.Equal("Sesuai SK terbaru.", request.OperatorNote);
        Assert.Equal([ChangeRequestAction.Created, ChangeRequestAction.Submitted], request.Timeline.Select(t => t.Action));
        Assert.Equal("MIN 1 Sleman", (await kit.ReloadInstitutionAsync()).Name); // never a direct write

        var mail = Assert.Single(await kit.OutboxAsync());
        Assert.Equal("kepala@min1sleman.sch.id", mail.To);
        Assert.Contains("menunggu persetujuan", mail.Subject);
        Assert.Contains("MIN 1 Sleman Baru", mail.TextBody);
        Assert.Contains($"Operator Siti Aminah mengajukan perubahan data MIN 1 Sleman (pengajuan #{request.Id})", mail.TextBody);
        Assert.Contains($"/perubahan/{request.Id}", mail.HtmlBody);
        Assert.Contains("Catatan operator: Sesuai SK terbaru.", mail.TextBody);
        var entry = Assert.Single(await kit.AuditAsync());
        Assert.Equal("approvals.submitted", entry.Action);
        Assert.Equal(request.Id.ToString(), entry.EntityId);
    }

    [Fact]
    public async Task Saving_without_any_change_is_refused()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var result = await kit.Service.SaveAsync(kit.Operator, null, InstitutionFields.ValuesOf(kit.Min1), null, submit: false);
        Assert.False(result.Succeeded);
        Assert.Contains("Tidak ada data yang berubah", result.Error);
    }

    [Fact]
    public async Task A_draft_is_kept_then_submitted()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var draft = await kit.Service.SaveAsync(kit.Operator, null, new Dictionary<string, string?> { [Phone] = "0274-111" }, null, submit: false);
        Assert.True(draft.Succeeded, draft.Error);
        Assert.Equal(ChangeRequestStatus.Draft, (await kit.Service.GetAsync(kit.Operator, draft.RequestId!.Value))!.Status);
        Assert.Empty(await kit.OutboxAsync());
        Assert.Equal(0, await kit.Service.CountPendingAsync(kit.Head));

        var submitted = await kit.Service.SaveAsync(kit.Operator, draft.RequestId, new Dictionary<string, string?> { [Phone] = "0274-222" }, null, submit: true);
        Assert.True(submitted.Succeeded, submitted.Error);
        var request = (await kit.Service.GetAsync(kit.Head, draft.RequestId.Value))!;
        Assert.Equal("0274-222", Assert.Single(request.Fields).NewValue);
        Assert.Equal(1, await kit.Service.CountPendingAsync(kit.Head));
    }

    [Fact]
    public async Task The_operator_withdraws_an_untouched_request_but_not_a_decided_one()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var untouched = await kit.SubmitAsync((Phone, "0274-123456"));
        var withdrawn = await kit.Service.WithdrawAsync(kit.Operator, untouched.Id, untouched.Revision);
        Assert.True(withdrawn.Succeeded, withdrawn.Error);
        var after = (await kit.Service.GetAsync(kit.Operator, untouched.Id))!;
        Assert.Equal(ChangeRequestStatus.Withdrawn, after.Status);
        Assert.Equal(ChangeRequestAction.Withdrawn, after.Timeline[^1].Action);
        Assert.False(after.CanHeadDecide);
        Assert.Equal(0, await kit.Service.CountPendingAsync(kit.Head));

        var decided = await kit.SubmitAsync((Phone, "0274-654321"));
        Assert.True((await kit.HeadDecideAsync(decided.Id)).Succeeded);
        var refused = await kit.Service.WithdrawAsync(kit.Operator, decided.Id);
        Assert.False(refused.Succeeded);
        Assert.Contains("tidak dapat ditarik kembali", refused.Error);
        Assert.Contains(await kit.AuditAsync(), a => a.Action == "approvals.withdrawn");
    }

    [Fact]
    public async Task A_request_sent_straight_to_the_district_is_withdrawn_until_the_district_acts()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        async Task<ChangeRequestDetail> SubmitWithoutHeadAsync(string phone)
        {
            var saved = await kit.Service.SaveAsync(kit.OtherOperator, null, new Dictionary<string, string?> { [Phone] = phone }, null, submit: true);
            Assert.True(saved.Succeeded, saved.Error);
            return (await kit.Service.GetAsync(kit.OtherOperator, saved.RequestId!.Value))!;
        }
        var untouched = await SubmitWithoutHeadAsync("0274-868111");
        Assert.Equal(ChangeRequestStatus.WaitingForDistrict, untouched.Status); // MTs Negeri 3 Sleman has no head account
        Assert.True(untouched.CanWithdraw);

        var withdrawn = await kit.Service.WithdrawAsync(kit.OtherOperator, untouched.Id, untouched.Revision);

        Assert.True(withdrawn.Succeeded, withdrawn.Error);
        Assert.Equal(ChangeRequestStatus.Withdrawn, (await kit.Service.GetAsync(kit.OtherOperator, untouched.Id))!.Status);
        Assert.Null(await kit.Service.GetAsync(kit.DistrictAdmin, untouched.Id)); // gone from the district's inbox
        Assert.Equal(0, await kit.Service.CountPendingAsync(kit.DistrictAdmin));
        Assert.Contains(await kit.AuditAsync(), a => a.Action == "approvals.withdrawn" && a.EntityId == untouched.Id.ToString());

        // Once the district has decided, it is no longer the operator's to withdraw (a rejection can only be closed).
        var decided = await SubmitWithoutHeadAsync("0274-868222");
        Assert.True((await kit.DistrictDecideAsync(decided.Id, approve: true)).Succeeded);
        Assert.False((await kit.Service.GetAsync(kit.OtherOperator, decided.Id))!.CanWithdraw);
        Assert.Contains("tidak dapat ditarik kembali", (await kit.Service.WithdrawAsync(kit.OtherOperator, decided.Id)).Error);
        Assert.Equal("0274-868222", (await kit.ReloadInstitutionAsync(kit.OtherOperator.InstitutionId)).Phone);

        // A request the head forwarded has been acted on: it stays with the district.
        var forwarded = await kit.SubmitAsync((Phone, "0274-880077"));
        await kit.HeadDecideAsync(forwarded.Id);
        Assert.False((await kit.Service.GetAsync(kit.Operator, forwarded.Id))!.CanWithdraw);
        Assert.False((await kit.Service.WithdrawAsync(kit.Operator, forwarded.Id)).Succeeded);
    }

    [Fact]
    public async Task Rejecting_every_field_returns_the_request_to_the_operator_and_needs_reasons()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var request = await kit.SubmitAsync((Name, "MIN Satu Sleman"), (Phone, "0274-999"));

        var noReason = await kit.Service.HeadDecideAsync(kit.Head, request.Id, request.Revision,
            request.Fields.Select(f => new FieldDecisionInput(f.Id, false, f.Key == Name ? "Tidak sesuai SK." : " ")).ToList());
        Assert.False(noReason.Succeeded);
        Assert.Equal("Alasan penolakan untuk Telepon wajib diisi.", noReason.Error);

        var result = await kit.HeadDecideAsync(request.Id, Name, Phone);

        Assert.True(result.Succeeded, result.Error);
        var after = (await kit.Service.GetAsync(kit.Operator, request.Id))!;
        Assert.Equal(ChangeRequestStatus.RejectedByHead, after.Status);
        Assert.True(after.CanEdit);
        Assert.All(after.Fields, f => Assert.Equal(FieldDecision.Rejected, f.HeadDecision));
        Assert.Equal("Telepon belum sesuai SK.", after.Fields.Single(f => f.Key == Phone).HeadReason);
        Assert.Equal(ChangeRequestAction.ReturnedToOperator, after.Timeline[^1].Action);
        Assert.Equal(0, await kit.Service.CountPendingAsync(kit.DistrictAdmin));
        Assert.Equal(1, await kit.Service.CountPendingAsync(kit.Operator));
        var toOperator = (await kit.OutboxAsync()).Last();
        Assert.Equal("operator@min1sleman.sch.id", toOperator.To);
        Assert.Contains("Ditolak Kepala Madrasah", toOperator.Subject);
        Assert.Contains("Telepon belum sesuai SK.", toOperator.TextBody);
        Assert.Contains(await kit.AuditAsync(), a => a.Action == "approvals.head-rejected");
    }

    [Fact]
    public async Task The_approval_commits_before_the_receipt_is_drawn_and_never_holds_the_database_while_drawing()
    {
        var writer = new GatedReceiptWriter();
        await using var kit = await ApprovalTestKit.CreateAsync(services => services.AddSingleton<PdfReceiptWriter>(writer));
        var request = await kit.SubmitAsync((Phone, "0274-777"));
        Assert.True((await kit.HeadDecideAsync(request.Id)).Succeeded);

        var deciding = Task.Run(() => kit.DistrictDecideAsync(request.Id, approve: true));
        await writer.Drawing.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // While the receipt is drawn: the change, its receipt number and row are committed, and others can write.
        Assert.Equal("0274-777", (await kit.ReloadInstitutionAsync()).Phone);
        var number = (await kit.Service.GetAsync(kit.DistrictAdmin, request.Id))!.ReceiptNumber;
        await using (var db = kit.Database.CreateContext())
            Assert.False((await db.Set<Receipt>().SingleAsync(r => r.Number == number)).IsDrawn);
        await PdfTestKit.WriteMeanwhileAsync(kit.Database);

        writer.Release.SetResult();
        Assert.True((await deciding).Succeeded);
        await using (var db = kit.Database.CreateContext())
            Assert.Contains(number!, PdfTestKit.PdfToFlatText((await db.Set<Receipt>().SingleAsync(r => r.Number == number)).PdfBytes));
    }

    [Fact]
    public async Task A_rejected_request_is_revised_and_resubmitted_with_fresh_decisions()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var request = await kit.SubmitAsync((Phone, "0274-999"));
        await kit.HeadDecideAsync(request.Id, Phone);

        var form = (await kit.Service.GetFormAsync(kit.Operator, request.Id))!;
        Assert.Equal(("0274-999", "Mohon disetujui."), (form.Values[Phone], form.Note));
        Assert.Equal((await kit.Service.GetAsync(kit.Operator, request.Id))!.Revision, form.Revision);
        form.Values[Phone] = "0274-880099";
        var result = await kit.Service.SaveAsync(kit.Operator, request.Id, form.Values, "Nomor diperbaiki.", submit: true, form.Revision);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(request.Id, result.RequestId);
        var after = (await kit.Service.GetAsync(kit.Head, request.Id))!;
        Assert.Equal(ChangeRequestStatus.WaitingForHead, after.Status);
        var field = Assert.Single(after.Fields);
        Assert.Equal(("0274-880099", FieldDecision.Pending, (string?)null), (field.NewValue, field.HeadDecision, field.HeadReason));
        Assert.Equal(ChangeRequestAction.Resubmitted, after.Timeline[^1].Action);
        Assert.True(after.CanHeadDecide);
        Assert.Contains(await kit.AuditAsync(), a => a.Action == "approvals.resubmitted");

        Assert.True((await kit.HeadDecideAsync(request.Id)).Succeeded);
        Assert.True((await kit.DistrictDecideAsync(request.Id, approve: true)).Succeeded);
        Assert.Equal("0274-880099", (await kit.ReloadInstitutionAsync()).Phone);
    }

    [Fact]
    public async Task The_district_applies_only_head_approved_fields_in_one_step_and_issues_the_receipt()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var request = await kit.SubmitAsync((Name, "MIN 1 Sleman Yogyakarta"), (Phone, "0274-555"));
        Assert.True((await kit.HeadDecideAsync(request.Id, Phone)).Succeeded);
        Assert.Equal(1, await kit.Service.CountPendingAsync(kit.DistrictAdmin));
        Assert.Equal("admin@kemenagsleman.go.id", (await kit.OutboxAsync()).Last().To);

        var refused = await kit.DistrictDecideAsync(request.Id, approve: false, reason: "  ");
        Assert.Equal("Alasan penolakan wajib diisi.", refused.Error);
        var before = await kit.ReloadInstitutionAsync();
        var result = await kit.DistrictDecideAsync(request.Id, approve: true);

        Assert.True(result.Succeeded, result.Error);
        var institution = await kit.ReloadInstitutionAsync();
        Assert.Equal("MIN 1 Sleman Yogyakarta", institution.Name);
        Assert.Equal("0274-880001", institution.Phone);
        Assert.Equal(before.Version + 1, institution.Version);
        var after = (await kit.Service.GetAsync(kit.Operator, request.Id))!;
        Assert.Equal(ChangeRequestStatus.Applied, after.Status);
        Assert.Equal(
            [ChangeRequestAction.Created, ChangeRequestAction.Submitted, ChangeRequestAction.HeadApprovedField, ChangeRequestAction.HeadRejectedField,
             ChangeRequestAction.ForwardedToDistrict, ChangeRequestAction.DistrictApproved, ChangeRequestAction.Applied],
            after.Timeline.Select(t => t.Action));
        Assert.StartsWith("BPD-", after.ReceiptNumber);

        await using var db = kit.Database.CreateContext();
        var receipt = await db.Set<Receipt>().SingleAsync(r => r.Number == after.ReceiptNumber);
        Assert.Equal(kit.Min1.Id, receipt.InstitutionId);
        var text = PdfTestKit.PdfToFlatText(receipt.PdfBytes);
        var forwardedAt = after.Timeline.Single(t => t.Action == ChangeRequestAction.ForwardedToDistrict).OccurredUtc;
        var approvedAt = after.Timeline.Single(t => t.Action == ChangeRequestAction.DistrictApproved).OccurredUtc;
        foreach (var expected in new[]
        {
            "Bukti Perubahan Data", after.ReceiptNumber!, "Perubahan", "Nama Lembaga", "MIN 1 Sleman → MIN 1 Sleman Yogyakarta", "Persetujuan",
            $"Kepala Madrasah Drs. H. Ahmad Fauzi, M.Pd.I., {Wib.Format(forwardedAt)}",
            $"Admin Kabupaten/Kota Hendra Kurniawan, S.Kom., {Wib.Format(approvedAt)}",
        })
            Assert.Contains(expected, text);
        Assert.Matches(@"Hendra Kurniawan, S\.Kom\., \d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB", text);
        Assert.DoesNotContain("0274-555", text);

        var toOperator = (await kit.OutboxAsync()).Last();
        Assert.Equal("operator@min1sleman.sch.id", toOperator.To);
        Assert.Contains("Diterapkan", toOperator.Subject);
        var entries = await kit.AuditAsync();
        Assert.Equal(["approvals.submitted", "approvals.head-forwarded", "approvals.applied"], entries.Select(a => a.Action));
        // The write to the institution's data, value by value: only the forwarded field, old → new.
        Assert.Contains("Nama Lembaga \"MIN 1 Sleman\" → \"MIN 1 Sleman Yogyakarta\"", entries[^1].Summary);
        Assert.DoesNotContain("Telepon", entries[^1].Summary);
    }

    [Fact]
    public async Task The_applied_audit_entry_shows_empty_and_long_values_within_its_column()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var longText = string.Join(", ", Enumerable.Repeat("ruang kelas ber-AC dengan proyektor", 60))[..1990];
        var request = await kit.SubmitAsync((nameof(Institution.Website), "https://min1sleman.sch.id"), (nameof(Institution.Facilities), longText));
        await kit.HeadDecideAsync(request.Id);

        Assert.True((await kit.DistrictDecideAsync(request.Id, approve: true)).Succeeded);

        var summary = (await kit.AuditAsync())[^1].Summary;
        Assert.Contains("Situs Web — → \"https://min1sleman.sch.id\"", summary);
        Assert.Contains("Sarana Prasarana \"18 ruang kelas, perpustakaan, musala, laboratorium komputer\" → \"ruang kelas ber-AC", summary);
        Assert.Contains("…\"", summary); // the long new value, shortened
        Assert.True(summary.Length <= 2000, $"{summary.Length} characters");
        Assert.Equal(longText, (await kit.ReloadInstitutionAsync()).Facilities); // the data itself is whole
    }

    [Fact]
    public async Task The_districts_email_names_the_head_who_forwarded_and_the_operator_who_submitted()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var request = await kit.SubmitAsync((Phone, "0274-555"));

        Assert.True((await kit.HeadDecideAsync(request.Id)).Succeeded);

        var mail = (await kit.OutboxAsync()).Last();
        Assert.Equal("admin@kemenagsleman.go.id", mail.To);
        Assert.Contains($"Perubahan data MIN 1 Sleman (pengajuan #{request.Id}) diteruskan oleh Kepala Madrasah Drs. H. Ahmad Fauzi, M.Pd.I., " +
                        "diajukan oleh Operator Siti Aminah, dan menunggu persetujuan Anda sebagai Admin Kabupaten/Kota", mail.TextBody);
        Assert.DoesNotContain("Ahmad Fauzi, M.Pd.I. mengajukan", mail.TextBody);
        Assert.Contains("0274-880001 → 0274-555", mail.TextBody);
    }

    [Fact]
    public async Task Only_heads_with_a_confirmed_email_are_told_of_a_submission()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        await kit.AddHeadAsync(kit.Min1.Id, "kepala.baru@min1sleman.sch.id", emailConfirmed: false);

        await kit.SubmitAsync((Phone, "0274-555"));

        Assert.Equal(["kepala@min1sleman.sch.id"], (await kit.OutboxAsync()).Select(m => m.To));
    }

    [Fact]
    public async Task A_rejection_reason_longer_than_its_column_is_refused_with_the_fields_name()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var request = await kit.SubmitAsync((Name, "MIN 1 Sleman Baru"), (Phone, "0274-555"));
        var tooLong = new string('x', ChangeRequest.ReasonMaxLength + 1);
        var longest = new string('y', ChangeRequest.ReasonMaxLength);
        List<FieldDecisionInput> Decisions(string phoneReason) =>
            request.Fields.Select(f => f.Key == Phone ? new FieldDecisionInput(f.Id, false, phoneReason) : new FieldDecisionInput(f.Id, true)).ToList();

        var refused = await kit.Service.HeadDecideAsync(kit.Head, request.Id, request.Revision, Decisions(tooLong));
        Assert.Equal("Alasan penolakan untuk Telepon paling banyak 1000 karakter.", refused.Error);
        Assert.Equal(ChangeRequestStatus.WaitingForHead, (await kit.Service.GetAsync(kit.Head, request.Id))!.Status);
        Assert.True((await kit.Service.HeadDecideAsync(kit.Head, request.Id, request.Revision, Decisions(longest))).Succeeded);

        var districtRefused = await kit.DistrictDecideAsync(request.Id, approve: false, reason: tooLong);
        Assert.Equal("Alasan penolakan paling banyak 1000 karakter.", districtRefused.Error);
        Assert.Equal(ChangeRequestStatus.WaitingForDistrict, (await kit.Service.GetAsync(kit.DistrictAdmin, request.Id))!.Status);
        Assert.True((await kit.DistrictDecideAsync(request.Id, approve: false, reason: longest)).Succeeded);
        Assert.Equal(longest, (await kit.Service.GetAsync(kit.Operator, request.Id))!.DistrictReason);
    }

    [Fact]
    public async Task A_district_rejection_needs_a_reason_and_tells_the_operator()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var request = await kit.SubmitAsync((Phone, "0274-555"));
        await kit.HeadDecideAsync(request.Id);

        var result = await kit.DistrictDecideAsync(request.Id, approve: false, reason: "Nomor belum terdaftar.");

        Assert.True(result.Succeeded, result.Error);
        var after = (await kit.Service.GetAsync(kit.Operator, request.Id))!;
        Assert.Equal((ChangeRequestStatus.RejectedByDistrict, "Nomor belum terdaftar."), (after.Status, after.DistrictReason));
        Assert.Equal("0274-880001", (await kit.ReloadInstitutionAsync()).Phone);
        Assert.Contains("Ditolak Kabupaten/Kota", (await kit.OutboxAsync()).Last().Subject);
        Assert.Equal("approvals.district-rejected", (await kit.AuditAsync()).Last().Action);
    }

    [Fact]
    public async Task A_field_changed_by_another_applied_request_is_a_conflict_that_blocks_a_silent_overwrite()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var first = await kit.SubmitAsync((Phone, "0274-111"));
        var second = await kit.SubmitAsync((Phone, "0274-222"), (nameof(Institution.Website), "https://min1sleman.sch.id"));
        await kit.HeadDecideAsync(first.Id);
        await kit.HeadDecideAsync(second.Id);
        Assert.True((await kit.DistrictDecideAsync(first.Id, approve: true)).Succeeded);

        var detail = (await kit.Service.GetAsync(kit.DistrictAdmin, second.Id))!;
        var conflict = Assert.Single(detail.Conflicts);
        Assert.Equal(("Telepon", "0274-880001", "0274-111"), (conflict.Label, conflict.OldValue, conflict.CurrentValue));

        var result = await kit.DistrictDecideAsync(second.Id, approve: true);

        Assert.False(result.Succeeded);
        Assert.Equal(["Telepon"], result.Conflicts);
        Assert.Contains("Data lembaga sudah berubah", result.Error);
        Assert.Contains("tolak pengajuan ini dengan alasan agar operator memperbarui pengajuannya", result.Error); // the district rejects the whole request
        Assert.DoesNotContain("isian tersebut", result.Error);
        var institution = await kit.ReloadInstitutionAsync();
        Assert.Equal(("0274-111", (string?)null), (institution.Phone, institution.Website));
        Assert.Equal(ChangeRequestStatus.WaitingForDistrict, (await kit.Service.GetAsync(kit.DistrictAdmin, second.Id))!.Status);

        // The head is shown and refused the same way for a request still on their desk.
        var third = await kit.SubmitAsync((Phone, "0274-333"));
        var fourth = await kit.SubmitAsync((Phone, "0274-444"));
        await kit.HeadDecideAsync(third.Id);
        await kit.DistrictDecideAsync(third.Id, approve: true);
        var headResult = await kit.HeadDecideAsync(fourth.Id);
        Assert.Equal(["Telepon"], headResult.Conflicts);
        Assert.Contains("tolak isian tersebut", headResult.Error); // the head rejects field by field
        Assert.True((await kit.HeadDecideAsync(fourth.Id, Phone)).Succeeded); // rejecting a conflicting field is allowed
    }

    [Fact]
    public async Task A_district_approval_racing_another_request_of_the_same_institution_is_told_the_institution_changed()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var first = await kit.SubmitAsync((nameof(Institution.Website), "https://min1sleman.sch.id"));
        var second = await kit.SubmitAsync((Phone, "0274-555"));
        await kit.HeadDecideAsync(first.Id);
        await kit.HeadDecideAsync(second.Id);
        var seen = (await kit.Service.GetAsync(kit.DistrictAdmin, second.Id))!;
        // Another admin's approval of the first request commits after the second was read, before it is written.
        var racing = kit.ServiceWith(new BeforeFirstTransaction(async () =>
            Assert.True((await kit.DistrictDecideAsync(first.Id, approve: true)).Succeeded)));

        var result = await racing.DistrictDecideAsync(kit.DistrictAdmin, second.Id, seen.Revision, approve: true, null);

        Assert.Equal(ApprovalService.InstitutionChangedMessage, result.Error);
        var institution = await kit.ReloadInstitutionAsync();
        Assert.Equal(("https://min1sleman.sch.id", "0274-880001"), (institution.Website, institution.Phone));
        var after = (await kit.Service.GetAsync(kit.DistrictAdmin, second.Id))!;
        Assert.Equal((ChangeRequestStatus.WaitingForDistrict, seen.Revision), (after.Status, after.Revision));
        Assert.Empty(after.Conflicts); // reviewed: another field changed, so it can be approved now
        Assert.True((await kit.DistrictDecideAsync(second.Id, approve: true)).Succeeded);
        Assert.Equal("0274-555", (await kit.ReloadInstitutionAsync()).Phone);
    }

    [Fact]
    public async Task Without_a_confirmed_head_account_a_submitted_request_goes_straight_to_the_district()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var mts = kit.OtherOperator.InstitutionId!.Value;
        var head = await kit.AddHeadAsync(mts, "kepala@mtsn3sleman.sch.id", emailConfirmed: false);

        var result = await kit.Service.SaveAsync(kit.OtherOperator, null,
            new Dictionary<string, string?> { [Phone] = "0274-868999", [nameof(Institution.Website)] = "https://mtsn3sleman.sch.id" }, "Sesuai SK.", submit: true);

        Assert.True(result.Succeeded, result.Error);
        var request = (await kit.Service.GetAsync(kit.DistrictAdmin, result.RequestId!.Value))!;
        Assert.Equal(ChangeRequestStatus.WaitingForDistrict, request.Status);
        Assert.True(request.CanDistrictDecide);
        Assert.Equal([ChangeRequestAction.Created, ChangeRequestAction.Submitted, ChangeRequestAction.ForwardedToDistrict], request.Timeline.Select(t => t.Action));
        Assert.Contains("belum memiliki akun Kepala Madrasah", request.Timeline[^1].Reason);
        var mail = Assert.Single(await kit.OutboxAsync());
        Assert.Equal("admin@kemenagsleman.go.id", mail.To);
        Assert.Contains($"Perubahan data MTs Negeri 3 Sleman (pengajuan #{request.Id}) diajukan oleh Operator {kit.OtherOperator.FullName} " +
                        "dan diteruskan langsung ke Kabupaten/Kota karena lembaga belum memiliki akun Kepala Madrasah yang terdaftar", mail.TextBody);
        Assert.DoesNotContain("diteruskan oleh Kepala Madrasah", mail.TextBody);
        Assert.Contains("0274-868999", mail.TextBody);
        Assert.Equal(1, await kit.Service.CountPendingAsync(kit.DistrictAdmin));
        Assert.Equal(0, await kit.Service.CountPendingAsync(head));

        Assert.True((await kit.DistrictDecideAsync(request.Id, approve: true)).Succeeded);
        var institution = await kit.ReloadInstitutionAsync(mts);
        Assert.Equal(("0274-868999", "https://mtsn3sleman.sch.id"), (institution.Phone, institution.Website));
        await using (var db = kit.Database.CreateContext())
        {
            var number = (await kit.Service.GetAsync(kit.DistrictAdmin, request.Id))!.ReceiptNumber;
            var receipt = await db.Set<Receipt>().SingleAsync(r => r.Number == number);
            Assert.Contains("lembaga belum memiliki akun Kepala Madrasah", PdfTestKit.PdfToFlatText(receipt.PdfBytes));
        }

        // Once the head's email is confirmed, the next request waits for the head.
        await kit.SetEmailConfirmedAsync(head.UserId);
        var next = await kit.Service.SaveAsync(kit.OtherOperator, null, new Dictionary<string, string?> { [Phone] = "0274-868000" }, null, submit: true);
        Assert.Equal(ChangeRequestStatus.WaitingForHead, (await kit.Service.GetAsync(head, next.RequestId!.Value))!.Status);
        Assert.Equal(1, await kit.Service.CountPendingAsync(head));
        Assert.Equal("kepala@mtsn3sleman.sch.id", (await kit.OutboxAsync()).Last().To);
    }

    [Fact]
    public async Task Two_heads_deciding_at_once_record_exactly_one_decision()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var request = await kit.SubmitAsync((Phone, "0274-777"));
        var secondHead = await kit.AddHeadAsync(kit.Min1.Id, "wakil.kepala@min1sleman.sch.id", emailConfirmed: true, fullName: "Wakil Kepala");
        var seen = (await kit.Service.GetAsync(secondHead, request.Id))!;
        // The first head's approval commits while the second head's rejection is being saved (after it was read and checked).
        var first = new BeforeFirstTransaction(async () => Assert.True((await kit.HeadDecideAsync(request.Id)).Succeeded));
        var mailsBefore = (await kit.OutboxAsync()).Count;

        var second = await kit.ServiceWith(first).HeadDecideAsync(secondHead, request.Id, seen.Revision,
            seen.Fields.Select(f => new FieldDecisionInput(f.Id, false, "Tidak setuju.")).ToList());

        Assert.True(first.Ran);
        Assert.Equal(ApprovalService.ConcurrencyMessage, second.Error);
        var after = (await kit.Service.GetAsync(kit.Head, request.Id))!;
        Assert.Equal(ChangeRequestStatus.WaitingForDistrict, after.Status);
        var decision = Assert.Single(after.Timeline, t => t.Action is ChangeRequestAction.HeadApprovedField or ChangeRequestAction.HeadRejectedField);
        Assert.Equal((ChangeRequestAction.HeadApprovedField, kit.Head.FullName), (decision.Action, decision.ActorName));
        Assert.Single(after.Timeline, t => t.Action == ChangeRequestAction.ForwardedToDistrict);
        Assert.Single(await kit.AuditAsync(), a => a.Action.StartsWith("approvals.head-"));
        Assert.Equal(["admin@kemenagsleman.go.id"], (await kit.OutboxAsync()).Skip(mailsBefore).Select(m => m.To)); // not the operator
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Two_district_admins_deciding_at_once_apply_once_with_one_receipt(bool firstApproves)
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var request = await kit.SubmitAsync((Phone, "0274-777"));
        await kit.HeadDecideAsync(request.Id);
        var secondAdmin = await kit.AddDistrictAdminAsync("admin2@kemenagsleman.go.id", "Admin Kedua");
        var seen = (await kit.Service.GetAsync(secondAdmin, request.Id))!;
        // The first admin's decision commits after the second admin's approval was read and checked, before it is written.
        var first = new BeforeFirstTransaction(async () =>
            Assert.True((await kit.DistrictDecideAsync(request.Id, firstApproves, firstApproves ? null : "Belum ada SK.")).Succeeded));

        var second = await kit.ServiceWith(first).DistrictDecideAsync(secondAdmin, request.Id, seen.Revision, approve: true, null);

        Assert.True(first.Ran);
        Assert.Equal(ApprovalService.ConcurrencyMessage, second.Error); // the request was decided, not merely the institution changed
        var after = (await kit.Service.GetAsync(kit.Operator, request.Id))!;
        Assert.Equal(firstApproves ? ChangeRequestStatus.Applied : ChangeRequestStatus.RejectedByDistrict, after.Status);
        var decision = Assert.Single(after.Timeline, t => t.Action is ChangeRequestAction.DistrictApproved or ChangeRequestAction.DistrictRejected);
        Assert.Equal(kit.DistrictAdmin.FullName, decision.ActorName);
        Assert.Equal(firstApproves ? 1 : 0, after.Timeline.Count(t => t.Action == ChangeRequestAction.Applied));
        Assert.Single(await kit.AuditAsync(), a => a.Action is "approvals.applied" or "approvals.district-rejected");
        await using var db = kit.Database.CreateContext();
        var receipts = await db.Set<Receipt>().Where(r => r.Kind == ApprovalService.ReceiptKind.Code).ToListAsync();
        Assert.Equal(firstApproves ? [after.ReceiptNumber!] : [], receipts.Select(r => r.Number));
        var institution = await kit.ReloadInstitutionAsync();
        Assert.Equal((firstApproves ? "0274-777" : "0274-880001", kit.Min1.Version + (firstApproves ? 1 : 0)), (institution.Phone, institution.Version));
        Assert.Single(await kit.OutboxAsync(), m => m.To == "operator@min1sleman.sch.id"); // one outcome email
    }

    [Fact]
    public async Task A_decision_made_on_a_stale_view_is_refused_by_the_concurrency_token()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var request = await kit.SubmitAsync((Phone, "0274-777"));
        await kit.HeadDecideAsync(request.Id);
        var seenByBoth = (await kit.Service.GetAsync(kit.DistrictAdmin, request.Id))!.Revision;
        var secondAdmin = kit.DistrictAdmin with { UserId = "second-admin", FullName = "Admin Kedua" };

        var first = await kit.Service.DistrictDecideAsync(kit.DistrictAdmin, request.Id, seenByBoth, approve: false, "Belum lengkap.");
        var second = await kit.Service.DistrictDecideAsync(secondAdmin, request.Id, seenByBoth, approve: true, null);

        Assert.True(first.Succeeded, first.Error);
        Assert.False(second.Succeeded);
        Assert.Contains("sudah tidak menunggu keputusan Anda", second.Error);
        Assert.Equal("0274-880001", (await kit.ReloadInstitutionAsync()).Phone);

        // Still pending but changed since it was read (e.g. resubmitted): the token refuses the stale decision.
        var again = await kit.SubmitAsync((Phone, "0274-888"));
        var stale = await kit.Service.HeadDecideAsync(kit.Head, again.Id, again.Revision - 1, again.Fields.Select(f => new FieldDecisionInput(f.Id, true)).ToList());
        Assert.Equal(ApprovalService.ConcurrencyMessage, stale.Error);
    }

    [Fact]
    public async Task Nobody_reaches_another_institutions_or_another_districts_requests()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var request = await kit.SubmitAsync((Phone, "0274-777"));
        await using (var db = kit.Database.CreateContext())
        {
            db.Add(new District { Code = "34.71", Name = "Kota Yogyakarta", ProvinceCode = "34", ProvinceName = "Daerah Istimewa Yogyakarta" });
            await db.SaveChangesAsync();
        }
        await using var check = kit.Database.CreateContext();
        var otherDistrictId = await check.Districts.Where(d => d.Code == "34.71").Select(d => d.Id).SingleAsync();
        var otherHead = kit.Head with { UserId = "other-head", InstitutionId = kit.OtherOperator.InstitutionId };
        var otherAdmin = kit.DistrictAdmin with { UserId = "other-admin", DistrictId = otherDistrictId };

        foreach (var outsider in new[] { otherHead, kit.OtherOperator, otherAdmin })
        {
            Assert.Null(await kit.Service.GetAsync(outsider, request.Id));
            Assert.Empty((await kit.Service.ListAsync(outsider)).Rows);
            Assert.Equal(0, await kit.Service.CountPendingAsync(outsider));
        }
        Assert.False((await kit.Service.HeadDecideAsync(otherHead, request.Id, request.Revision, [new(request.Fields[0].Id, true)])).Succeeded);
        Assert.False((await kit.Service.WithdrawAsync(kit.OtherOperator, request.Id)).Succeeded);
        Assert.Null(await kit.Service.GetFormAsync(kit.OtherOperator, request.Id));
        await kit.HeadDecideAsync(request.Id);
        Assert.Equal("Pengajuan tidak ditemukan.", (await kit.Service.DistrictDecideAsync(otherAdmin, request.Id, request.Revision + 1, true, null)).Error);
        Assert.Equal(ChangeRequestStatus.WaitingForDistrict, (await kit.Service.GetAsync(kit.Head, request.Id))!.Status);
        // The head cannot act for the district, nor the operator for the head.
        Assert.False((await kit.Service.DistrictDecideAsync(kit.Head, request.Id, request.Revision + 1, true, null)).Succeeded);
        Assert.Single((await kit.Service.ListAsync(kit.DistrictAdmin, new ChangeRequestFilter(Status: ChangeRequestStatus.WaitingForDistrict))).Rows);
    }

    [Fact]
    public async Task The_district_inbox_filters_by_institution_status_and_date()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var waiting = await kit.SubmitAsync((Phone, "0274-111"));
        var forwarded = await kit.SubmitAsync((Name, "MIN 1 Sleman Baru"));
        await kit.HeadDecideAsync(forwarded.Id);
        var today = global::Madrasah.Blazor.Infrastructure.Time.Wib.Today(TimeProvider.System);

        var rejected = await kit.SubmitAsync((Name, "MIN 1 Sleman Lama"));
        await kit.HeadDecideAsync(rejected.Id);
        await kit.DistrictDecideAsync(rejected.Id, approve: false, reason: "Belum ada SK.");
        async Task<IEnumerable<int>> Ids(ChangeRequestFilter filter) => (await kit.Service.ListAsync(kit.DistrictAdmin, filter)).Rows.Select(r => r.Id);

        Assert.Equal([forwarded.Id], await Ids(new(Status: ChangeRequestStatus.WaitingForDistrict)));
        Assert.Equal([rejected.Id], await Ids(new(Status: ChangeRequestStatus.RejectedByDistrict)));
        Assert.Equal([rejected.Id, forwarded.Id], await Ids(new(InstitutionId: kit.Min1.Id, From: today, To: today))); // not the one still with the head
        Assert.Empty(await Ids(new(InstitutionId: kit.OtherOperator.InstitutionId)));
        Assert.Empty(await Ids(new(From: today.AddDays(1))));
        Assert.Empty(await Ids(new(To: today.AddDays(-1))));
        Assert.DoesNotContain(waiting.Id, await Ids(new(Status: ChangeRequestStatus.WaitingForHead)));
    }

    [Fact]
    public async Task A_submission_at_17_30_UTC_falls_on_the_next_WIB_day()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var request = await kit.SubmitAsync((Phone, "0274-111"));
        await kit.HeadDecideAsync(request.Id);
        await using (var db = kit.Database.CreateContext())
            await db.Set<ChangeRequest>().Where(r => r.Id == request.Id)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.SubmittedUtc, new DateTime(2026, 3, 9, 17, 30, 0, DateTimeKind.Utc))); // 10 March 00.30 WIB
        async Task<IEnumerable<int>> Ids(DateOnly? from, DateOnly? to) =>
            (await kit.Service.ListAsync(kit.DistrictAdmin, new ChangeRequestFilter(From: from, To: to))).Rows.Select(r => r.Id);
        var march9 = new DateOnly(2026, 3, 9);
        var march10 = new DateOnly(2026, 3, 10);

        Assert.Equal([request.Id], await Ids(march10, march10));
        Assert.Equal([request.Id], await Ids(march10, null));
        Assert.Equal([request.Id], await Ids(null, march10));
        Assert.Empty(await Ids(march9, march9)); // the UTC date is not the day the user saw
        Assert.Empty(await Ids(null, march9));
        Assert.Empty(await Ids(new DateOnly(2026, 3, 11), null));
        Assert.Equal("10 Mar 2026 00.30", Assert.Single((await kit.Service.ListAsync(kit.DistrictAdmin, new(From: march10))).Rows).CellsHtml(false)
            .Split($"<td data-label=\"{ChangeRequestRowHtml.Submitted}\">")[1].Split("</td>")[0]);
    }

    [Fact]
    public async Task A_from_date_after_the_to_date_is_named_instead_of_listing_nothing()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var request = await kit.SubmitAsync((Phone, "0274-111"));
        await kit.HeadDecideAsync(request.Id);
        var today = global::Madrasah.Blazor.Infrastructure.Time.Wib.Today(TimeProvider.System);
        var reversed = new ChangeRequestFilter(From: today, To: today.AddDays(-1));

        Assert.Equal(
            $"Tanggal \"Diajukan dari\" ({Wib.FormatDate(today)}) tidak boleh setelah tanggal \"Diajukan sampai\" ({Wib.FormatDate(today.AddDays(-1))}). Ubah salah satu tanggal.",
            reversed.DateRangeError());
        Assert.Empty((await kit.Service.ListAsync(kit.DistrictAdmin, reversed)).Rows);
        Assert.Null(new ChangeRequestFilter(From: today, To: today).DateRangeError());
        Assert.Null(new ChangeRequestFilter(From: today).DateRangeError());
        Assert.Single((await kit.Service.ListAsync(kit.DistrictAdmin, new(From: today, To: today))).Rows);
    }

    [Fact]
    public async Task Each_step_wakes_only_the_inboxes_that_can_show_the_request()
    {
        await using var kit = await ApprovalTestKit.CreateAsync();
        var inboxes = new Dictionary<string, string>
        {
            [ApprovalTopics.Institution(kit.Min1.Id)] = "operator", [ApprovalTopics.Head(kit.Min1.Id)] = "head",
            [ApprovalTopics.District(kit.Min1.DistrictId)] = "district",
        };
        using var published = new PublishedTopics(kit.Notifier);
        List<string> Take() => published.Take().Where(inboxes.ContainsKey).Select(t => inboxes[t]).ToList();

        var draft = await kit.Service.SaveAsync(kit.Operator, null, new Dictionary<string, string?> { [Phone] = "0274-777" }, null, submit: false);
        Assert.Equal(["operator"], Take()); // a draft is the operator's alone
        inboxes[ApprovalTopics.Request(draft.RequestId!.Value)] = "request";

        await kit.Service.SaveAsync(kit.Operator, draft.RequestId, new Dictionary<string, string?> { [Phone] = "0274-778" }, null, submit: true);
        Assert.Equal(["operator", "head", "request"], Take());
        await kit.HeadDecideAsync(draft.RequestId.Value);
        Assert.Equal(["operator", "head", "district", "request"], Take());
        Assert.True((await kit.DistrictDecideAsync(draft.RequestId.Value, approve: false, reason: "Belum ada SK.")).Succeeded);
        Assert.Equal(["operator", "head", "district", "request"], Take());
    }

    /// <summary>Runs an action once, just before the first transaction of the intercepted context starts.</summary>
    private sealed class BeforeFirstTransaction(Func<Task> action) : DbTransactionInterceptor
    {
        private int _ran;

        /// <summary>Whether the action ran (the race was staged at all).</summary>
        public bool Ran => _ran == 1;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _ran, 1) == 0) await action();
            return result;
        }
    }
}
