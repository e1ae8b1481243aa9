-- id: 766.1.4
-- category: transparency
-- unit: percent
-- points: 6
-- name.vi: Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia
-- name.en: Dossiers synced to the National Public Service Portal
-- basis: Quyết định 766/QĐ-TTg, nhóm Công khai, minh bạch; chỉ tiêu 100 % hồ sơ đồng bộ (kế hoạch kiểm tra)
-- formula.vi: Số hồ sơ tiếp nhận trong kỳ đã đồng bộ lên Cổng DVCQG ÷ số hồ sơ tiếp nhận trong kỳ.
-- formula.en: Dossiers received in the period that were synced to the national portal ÷ dossiers received in the period.
SELECT
    count_if(received_in_period AND synced_at IS NOT NULL) AS numerator,
    count_if(received_in_period)                           AS denominator
FROM case_period
