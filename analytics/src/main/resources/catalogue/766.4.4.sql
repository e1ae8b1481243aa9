-- id: 766.4.4
-- category: digitization
-- unit: percent
-- points: 4
-- name.vi: Kết nối kho dữ liệu cá nhân
-- name.en: Use of the personal data store
-- basis: Quyết định 766/QĐ-TTg, nhóm Số hóa hồ sơ
-- formula.vi: Số hồ sơ tiếp nhận trong kỳ có thành phần lấy từ kho dữ liệu cá nhân trên Cổng DVCQG ÷ số hồ sơ tiếp nhận trong kỳ.
-- formula.en: Dossiers received in the period with a component taken from the personal data store of the national portal ÷ dossiers received in the period.
SELECT
    count_if(received_in_period AND from_personal_store) AS numerator,
    count_if(received_in_period)                         AS denominator
FROM case_period
