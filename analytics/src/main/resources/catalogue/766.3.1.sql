-- id: 766.3.1
-- category: online
-- unit: percent
-- points.dvcqg-2025: 0
-- points.qd766-2022: 2
-- target: 80
-- name.vi: TTHC cung cấp dịch vụ công trực tuyến
-- name.en: Procedures offered as online public services
-- basis: Quyết định 766/QĐ-TTg, nhóm Cung cấp dịch vụ trực tuyến
-- formula.vi: Số TTHC của cơ quan được cung cấp dịch vụ công trực tuyến (một phần hoặc toàn trình) ÷ số TTHC của cơ quan. Chỉ tiêu 80 %.
-- formula.en: The agency's procedures offered online (partial or full process) ÷ the agency's procedures. Target 80 %.
SELECT
    count_if(online_level IN ('PARTIAL', 'FULL')) AS numerator,
    count(*)                                      AS denominator
FROM agency_procedure_period
