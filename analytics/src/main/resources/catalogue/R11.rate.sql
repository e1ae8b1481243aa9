-- id: R11.rate
-- category: rule
-- direction: lower
-- unit: percent
-- name.vi: Dữ liệu ngày tháng bất thường
-- name.en: Date anomalies
-- basis: Tính toàn vẹn dữ liệu của Hệ thống thông tin giải quyết TTHC
-- formula.vi: Số hồ sơ tiếp nhận trong kỳ có lịch sử xử lý ngược thời gian hoặc đã kết thúc nhưng thiếu thời điểm kết thúc ÷ số hồ sơ tiếp nhận trong kỳ. (Ngày kết thúc trước ngày tiếp nhận và ngày trong tương lai bị cách ly ngay khi nhập.) Đây là dấu hiệu cần xem xét, chưa phải kết luận vi phạm.
-- formula.en: Dossiers received in the period whose history runs backwards, or finished without an end time ÷ dossiers received in the period. (An end before reception and future dates are quarantined at ingest.) A reason to look, not a finding.
SELECT
    count_if(r11) AS numerator,
    count_if(received_in_period) AS denominator
FROM case_period
