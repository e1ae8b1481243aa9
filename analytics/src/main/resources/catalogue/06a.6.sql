-- id: 06a.6
-- category: report06
-- unit: count
-- name.vi: Kỳ trước chuyển sang
-- name.en: Carried over
-- basis: Thông tư 01/2020/TT-VPCP, biểu mẫu II.06a/VPCP/KSTT, cột (6)
-- formula.vi: Hồ sơ tiếp nhận trước kỳ, chưa giải quyết xong khi bắt đầu kỳ.
-- formula.en: Dossiers received before the period and not finished at its start.
SELECT
    count_if(carried_over) AS numerator
FROM case_period
