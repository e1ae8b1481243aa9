-- id: 766.3.7
-- category: payment
-- unit: percent
-- points: 6
-- name.vi: Hồ sơ thanh toán trực tuyến
-- name.en: Dossiers paid online
-- basis: Quyết định 766/QĐ-TTg, nhóm Thanh toán trực tuyến; chỉ tiêu 100 % thanh toán trực tuyến (kế hoạch kiểm tra)
-- formula.vi: Số hồ sơ tiếp nhận trong kỳ được thanh toán trực tuyến (trên Cổng DVCQG hoặc cổng thanh toán của tỉnh) ÷ số hồ sơ tiếp nhận trong kỳ có phí, lệ phí.
-- formula.en: Dossiers received in the period paid online (on the national portal or a provincial gateway) ÷ dossiers received in the period carrying a fee.
SELECT
    count_if(received_in_period AND fee_amount > 0 AND paid_online) AS numerator,
    count_if(received_in_period AND fee_amount > 0)                 AS denominator
FROM case_period
