-- id: R06.rate
-- category: rule
-- direction: lower
-- unit: percent
-- name.vi: Hồ sơ cập nhật vào hệ thống muộn
-- name.en: Entered after the fact
-- basis: Kế hoạch kiểm tra: 100 % TTHC được tiếp nhận, xử lý trên Hệ thống thông tin giải quyết TTHC
-- formula.vi: Số hồ sơ tiếp nhận trong kỳ được ghi vào hệ thống sau ngưỡng (mặc định hơn 01 ngày làm việc sau khi tiếp nhận) ÷ số hồ sơ tiếp nhận trong kỳ. Đây là dấu hiệu cần xem xét, chưa phải kết luận vi phạm.
-- formula.en: Dossiers received in the period recorded in the system after the threshold (by default more than 1 working day after reception) ÷ dossiers received in the period. A reason to look, not a finding.
SELECT
    count_if(r06) AS numerator,
    count_if(received_in_period) AS denominator
FROM case_period
