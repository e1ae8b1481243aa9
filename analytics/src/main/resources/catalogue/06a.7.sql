-- id: 06a.7
-- category: report06
-- unit: count
-- name.vi: Đã giải quyết
-- name.en: Resolved
-- basis: Thông tư 01/2020/TT-VPCP, biểu mẫu II.06a/VPCP/KSTT, cột (7)
-- formula.vi: Cột (7) = (8) + (9) + (10). Hồ sơ rút, dừng hoặc đang chờ công dân bổ sung tính vào cột (9).
-- formula.en: Column (7) = (8) + (9) + (10). Withdrawn, stopped and waiting-for-supplement dossiers count under (9).
SELECT
    count_if(resolved) AS numerator
FROM case_period
