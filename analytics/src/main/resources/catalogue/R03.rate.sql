-- id: R03.rate
-- category: rule
-- direction: lower
-- unit: percent
-- name.vi: Hẹn lại ngày trả kết quả quá một lần
-- name.en: Rescheduled more than once
-- basis: Nghị định 118/2025/NĐ-CP (từ 01/7/2025): chỉ được hẹn lại một lần
-- formula.vi: Số hồ sơ tiếp nhận từ 01/7/2025 có từ hai phiếu xin lỗi, hẹn lại trở lên ÷ số hồ sơ đó có phiếu xin lỗi. Đây là dấu hiệu cần xem xét, chưa phải kết luận vi phạm.
-- formula.en: Dossiers received from 1 Jul 2025 with two or more apology and new-date slips ÷ those with an apology. A reason to look, not a finding.
SELECT
    count_if(r03) AS numerator,
    count_if(has_apology AND received_at >= TIMESTAMP '2025-07-01 00:00:00') AS denominator
FROM case_period
