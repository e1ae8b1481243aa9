-- id: 06a.4
-- category: report06
-- unit: count
-- name.vi: Mới tiếp nhận trực tuyến
-- name.en: Received online
-- basis: Thông tư 01/2020/TT-VPCP, biểu mẫu II.06a/VPCP/KSTT, cột (4)
-- formula.vi: Hồ sơ tiếp nhận trong kỳ qua dịch vụ công trực tuyến.
-- formula.en: Dossiers received online in the period.
SELECT
    count_if(received_in_period AND channel = 'ONLINE') AS numerator
FROM case_period
