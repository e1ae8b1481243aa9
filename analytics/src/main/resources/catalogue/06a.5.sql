-- id: 06a.5
-- category: report06
-- unit: count
-- name.vi: Mới tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích
-- name.en: Received in person or by post
-- basis: Thông tư 01/2020/TT-VPCP, biểu mẫu II.06a/VPCP/KSTT, cột (5)
-- formula.vi: Hồ sơ tiếp nhận trong kỳ trực tiếp hoặc qua bưu chính công ích.
-- formula.en: Dossiers received in person or by public post in the period.
SELECT
    count_if(received_in_period AND channel <> 'ONLINE') AS numerator
FROM case_period
