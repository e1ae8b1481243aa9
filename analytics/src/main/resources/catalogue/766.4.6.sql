-- id: 766.4.6
-- category: digitization
-- unit: percent
-- points: 2
-- name.vi: Hồ sơ sử dụng Cơ sở dữ liệu quốc gia về dân cư
-- name.en: Dossiers using the population database
-- basis: Quyết định 766/QĐ-TTg, nhóm Số hóa hồ sơ; Đề án 06
-- formula.vi: Số hồ sơ tiếp nhận trong kỳ được xác thực VNeID hoặc khai thác CSDL quốc gia về dân cư ÷ số hồ sơ tiếp nhận trong kỳ.
-- formula.en: Dossiers received in the period verified with VNeID or using the population database ÷ dossiers received in the period.
SELECT
    count_if(received_in_period AND population_db_checked) AS numerator,
    count_if(received_in_period)                           AS denominator
FROM case_period
