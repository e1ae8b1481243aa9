-- id: 06a.11
-- category: report06
-- unit: count
-- name.vi: Đang giải quyết
-- name.en: Pending
-- basis: Thông tư 01/2020/TT-VPCP, biểu mẫu II.06a/VPCP/KSTT, cột (11)
-- formula.vi: Cột (11) = (12) + (13).
-- formula.en: Column (11) = (12) + (13).
SELECT
    count_if(pending) AS numerator
FROM case_period
