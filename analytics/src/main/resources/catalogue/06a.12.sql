-- id: 06a.12
-- category: report06
-- unit: count
-- name.vi: Đang giải quyết trong hạn
-- name.en: Pending, not yet due
-- basis: Thông tư 01/2020/TT-VPCP, biểu mẫu II.06a/VPCP/KSTT, cột (12)
-- formula.vi: Chưa giải quyết xong, cuối kỳ chưa đến hạn.
-- formula.en: Not finished, not yet due at the end of the period.
SELECT
    count_if(pending_not_due) AS numerator
FROM case_period
