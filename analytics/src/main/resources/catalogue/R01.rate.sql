-- id: R01.rate
-- category: rule
-- direction: lower
-- unit: percent
-- name.vi: Hồ sơ trễ hạn không có phiếu xin lỗi
-- name.en: Late dossiers without an apology slip
-- basis: Nghị định 61/2018/NĐ-CP (đến 30/6/2025), Nghị định 118/2025/NĐ-CP; mẫu phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)
-- formula.vi: Số hồ sơ trễ hạn (giải quyết trễ hạn trong kỳ hoặc đang giải quyết đã quá hạn cuối kỳ) chưa có phiếu xin lỗi đến cuối kỳ ÷ số hồ sơ trễ hạn. Tỷ lệ càng thấp càng tốt; đây là dấu hiệu cần xem xét, chưa phải kết luận vi phạm.
-- formula.en: Late dossiers (resolved late in the period, or pending and overdue at its end) with no apology slip by the end of the period ÷ late dossiers. Lower is better; a reason to look, not a finding.
SELECT
    count_if(r01)  AS numerator,
    count_if(late) AS denominator
FROM case_period
