-- id: 06a.10
-- category: report06
-- unit: count
-- name.vi: Giải quyết quá hạn
-- name.en: Resolved late
-- basis: Thông tư 01/2020/TT-VPCP, biểu mẫu II.06a/VPCP/KSTT, cột (10)
-- formula.vi: Kết thúc sau thời hạn (đã tính thời gian tạm dừng), hoặc bị yêu cầu bổ sung lần thứ hai.
-- formula.en: Finished after the effective due time, or asked for a second supplement.
SELECT
    count_if(form06_late) AS numerator
FROM case_period
