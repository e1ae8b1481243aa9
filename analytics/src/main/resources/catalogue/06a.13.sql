-- id: 06a.13
-- category: report06
-- unit: count
-- name.vi: Đang giải quyết quá hạn
-- name.en: Pending, overdue
-- basis: Thông tư 01/2020/TT-VPCP, biểu mẫu II.06a/VPCP/KSTT, cột (13)
-- formula.vi: Chưa giải quyết xong, cuối kỳ đã quá hạn.
-- formula.en: Not finished and overdue at the end of the period.
SELECT
    count_if(pending_overdue) AS numerator
FROM case_period
