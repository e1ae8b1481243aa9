-- id: 766.4.5
-- category: digitization
-- unit: percent
-- points: 2
-- name.vi: TTHC kết nối Cơ sở dữ liệu quốc gia về dân cư
-- name.en: Procedures connected to the population database
-- basis: Quyết định 766/QĐ-TTg, nhóm Số hóa hồ sơ; Đề án 06
-- formula.vi: Số TTHC dành cho cá nhân có ít nhất 01 hồ sơ trong kỳ được xác thực VNeID hoặc khai thác CSDL dân cư ÷ số TTHC dành cho cá nhân có ít nhất 01 hồ sơ tiếp nhận trong kỳ.
-- formula.en: Procedures for individuals with at least one dossier in the period verified with VNeID or the population database ÷ procedures for individuals with at least one dossier received in the period.
SELECT
    count_if(for_individuals AND population_db_dossiers > 0) AS numerator,
    count_if(for_individuals AND dossiers > 0)               AS denominator
FROM agency_procedure_period
