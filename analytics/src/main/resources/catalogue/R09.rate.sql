-- id: R09.rate
-- category: rule
-- direction: lower
-- unit: percent
-- name.vi: Hồ sơ giải quyết nhanh bất thường
-- name.en: Implausibly fast
-- basis: Dấu hiệu làm đẹp tỷ lệ đúng hạn
-- formula.vi: Số hồ sơ giải quyết xong trong vòng ngưỡng phút (mặc định 15) sau khi tiếp nhận, với TTHC có thời hạn từ ngưỡng ngày làm việc (mặc định 03) ÷ số hồ sơ giải quyết xong trong kỳ. Đây là dấu hiệu cần xem xét, chưa phải kết luận vi phạm.
-- formula.en: Dossiers finished within the threshold (15 minutes by default) of reception for procedures whose legal time is at least the threshold (3 working days) ÷ dossiers finished in the period. A reason to look, not a finding.
SELECT
    count_if(r09) AS numerator,
    count_if(finished_with_result) AS denominator
FROM case_period
