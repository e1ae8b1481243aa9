-- id: 06a.8
-- category: report06
-- unit: count
-- name.vi: Giải quyết trước hạn
-- name.en: Resolved early
-- basis: Thông tư 01/2020/TT-VPCP, biểu mẫu II.06a/VPCP/KSTT, cột (8)
-- formula.vi: Kết thúc vào ngày trước ngày hẹn trả (đã tính thời gian tạm dừng).
-- formula.en: Finished on a day before the due day (pause included).
SELECT
    count_if(resolved_early) AS numerator
FROM case_period
