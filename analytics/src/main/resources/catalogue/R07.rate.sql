-- id: R07.rate
-- category: rule
-- direction: lower
-- unit: percent
-- name.vi: Hồ sơ chưa đồng bộ lên Cổng DVCQG
-- name.en: Not synced to the national portal
-- basis: Quyết định 766/QĐ-TTg (766.1.4); chỉ tiêu 100 % hồ sơ đồng bộ
-- formula.vi: Số hồ sơ tiếp nhận trong kỳ chưa đồng bộ hoặc đồng bộ muộn hơn ngưỡng (mặc định 01 ngày) sau lần cập nhật cuối ÷ số hồ sơ tiếp nhận trong kỳ. Đây là dấu hiệu cần xem xét, chưa phải kết luận vi phạm.
-- formula.en: Dossiers received in the period never synced, or synced later than the threshold (1 day by default) after their last change ÷ dossiers received in the period. A reason to look, not a finding.
SELECT
    count_if(r07) AS numerator,
    count_if(received_in_period) AS denominator
FROM case_period
