-- id: 766.3.2
-- category: online
-- unit: percent
-- points.dvcqg-2025: 0
-- points.qd766-2022: 4
-- name.vi: Dịch vụ công trực tuyến có phát sinh hồ sơ
-- name.en: Online services with dossiers
-- basis: Quyết định 766/QĐ-TTg, nhóm Cung cấp dịch vụ trực tuyến
-- formula.vi: Số TTHC cung cấp trực tuyến có ít nhất 01 hồ sơ trực tuyến tiếp nhận trong kỳ ÷ số TTHC cung cấp trực tuyến của cơ quan.
-- formula.en: Online-capable procedures with at least one online dossier received in the period ÷ the agency's online-capable procedures.
SELECT
    count_if(online_level IN ('PARTIAL', 'FULL') AND online_dossiers > 0) AS numerator,
    count_if(online_level IN ('PARTIAL', 'FULL'))                         AS denominator
FROM agency_procedure_period
