-- id: 766.4.7
-- category: digitization
-- unit: percent
-- points: 2
-- name.vi: Chứng thực bản sao điện tử từ bản chính
-- name.en: Electronic certified copies
-- basis: Quyết định 766/QĐ-TTg, nhóm Số hóa hồ sơ; Nghị định 45/2020/NĐ-CP; chỉ tiêu 100 % tại cấp xã (kế hoạch kiểm tra)
-- formula.vi: Số hồ sơ chứng thực bản sao từ bản chính (danh mục thủ tục trong cấu hình) giải quyết xong trong kỳ có kết quả điện tử ÷ số hồ sơ đó giải quyết xong trong kỳ.
-- formula.en: Copy-certification dossiers (procedure codes in configuration) finished in the period with an electronic result ÷ those finished in the period.
SELECT
    count_if(is_copy_certification AND finished_with_result AND e_result_issued) AS numerator,
    count_if(is_copy_certification AND finished_with_result)                     AS denominator
FROM case_period
