-- id: 766.2.1
-- category: progress
-- unit: percent
-- points: 20
-- name.vi: Hồ sơ xử lý trước hạn, đúng hạn
-- name.en: Dossiers handled early or on time
-- basis: Quyết định 766/QĐ-TTg, nhóm Tiến độ giải quyết (20 điểm)
-- formula.vi: (Số hồ sơ giải quyết trước hạn, đúng hạn trong kỳ + số hồ sơ đang giải quyết chưa đến hạn) ÷ tổng số hồ sơ phải giải quyết trong kỳ (mới tiếp nhận + kỳ trước chuyển sang). Thời gian tạm dừng do yêu cầu bổ sung lần đầu không tính; yêu cầu bổ sung lần thứ hai tính là trễ hạn; phiếu xin lỗi không làm hồ sơ trễ hạn thành đúng hạn.
-- formula.en: (Dossiers resolved early or on time in the period + pending dossiers not yet due) ÷ dossiers to handle in the period (received + carried over). The first supplement pause is excluded; a second supplement request makes a dossier late; an apology does not make a late dossier on time.
SELECT
    count_if(resolved_early OR resolved_on_time OR pending_not_due) AS numerator,
    count_if(to_handle)                                             AS denominator
FROM case_period
