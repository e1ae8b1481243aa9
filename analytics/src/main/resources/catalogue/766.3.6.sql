-- id: 766.3.6
-- category: payment
-- unit: percent
-- points: 2
-- name.vi: TTHC có giao dịch thanh toán trực tuyến
-- name.en: Procedures with online payments
-- basis: Quyết định 766/QĐ-TTg, nhóm Thanh toán trực tuyến
-- formula.vi: Số TTHC có phí có ít nhất 01 hồ sơ thanh toán trực tuyến trong kỳ ÷ số TTHC có phí có ít nhất 01 hồ sơ tiếp nhận trong kỳ.
-- formula.en: Fee-bearing procedures with at least one dossier paid online in the period ÷ fee-bearing procedures with at least one dossier received in the period.
SELECT
    count_if(has_fee AND paid_online_dossiers > 0) AS numerator,
    count_if(has_fee AND dossiers > 0)             AS denominator
FROM agency_procedure_period
