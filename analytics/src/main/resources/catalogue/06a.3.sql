-- id: 06a.3
-- category: report06
-- unit: count
-- name.vi: Tổng số hồ sơ phải giải quyết
-- name.en: Dossiers to handle
-- basis: Thông tư 01/2020/TT-VPCP, biểu mẫu II.06a/VPCP/KSTT, cột (3)
-- formula.vi: Cột (3) = (4) + (5) + (6): mới tiếp nhận trong kỳ và kỳ trước chuyển sang.
-- formula.en: Column (3) = (4) + (5) + (6): received in the period and carried over.
SELECT
    count_if(to_handle) AS numerator
FROM case_period
