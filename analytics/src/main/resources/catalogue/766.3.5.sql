-- id: 766.3.5
-- category: payment
-- unit: percent
-- points: 2
-- target: 80
-- name.vi: TTHC có phí, lệ phí được tích hợp thanh toán trực tuyến
-- name.en: Fee-bearing procedures integrated with online payment
-- basis: Quyết định 766/QĐ-TTg, nhóm Thanh toán trực tuyến
-- formula.vi: Số TTHC có phí, lệ phí có ít nhất 01 hồ sơ tiếp nhận trong kỳ có khoản phí ÷ số TTHC có phí, lệ phí của cơ quan. Chỉ tiêu 80 %.
-- formula.en: Fee-bearing procedures with at least one dossier received in the period carrying a fee ÷ the agency's fee-bearing procedures. Target 80 %.
SELECT
    count_if(has_fee AND fee_dossiers > 0) AS numerator,
    count_if(has_fee)                      AS denominator
FROM agency_procedure_period
