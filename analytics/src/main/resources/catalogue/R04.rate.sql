-- id: R04.rate
-- category: rule
-- direction: lower
-- unit: percent
-- name.vi: Không trả kết quả đúng ngày hẹn lại
-- name.en: Missed the new date
-- basis: Nghị định 61/2018/NĐ-CP, Nghị định 118/2025/NĐ-CP
-- formula.vi: Số hồ sơ giải quyết xong (hoặc còn tồn) sau ngày hẹn lại trên phiếu xin lỗi ÷ số hồ sơ có phiếu xin lỗi đến cuối kỳ. Đây là dấu hiệu cần xem xét, chưa phải kết luận vi phạm.
-- formula.en: Dossiers finished (or still open) after the new date of their apology slip ÷ dossiers with an apology by the end of the period. A reason to look, not a finding.
SELECT
    count_if(r04) AS numerator,
    count_if(has_apology) AS denominator
FROM case_period
