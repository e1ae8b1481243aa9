-- id: 766.4.1
-- category: digitization
-- unit: percent
-- points: 6
-- name.vi: Hồ sơ có kết quả điện tử
-- name.en: Dossiers with an electronic result
-- basis: Quyết định 766/QĐ-TTg, nhóm Số hóa hồ sơ; Nghị định 45/2020/NĐ-CP; chỉ tiêu ≥ 80 % kết quả được số hóa (kế hoạch kiểm tra)
-- formula.vi: Số hồ sơ giải quyết xong trong kỳ có kết quả điện tử ÷ số hồ sơ giải quyết xong trong kỳ của TTHC có kết quả là giấy tờ.
-- formula.en: Dossiers finished in the period with an electronic result ÷ dossiers finished in the period whose procedure's result is a document.
SELECT
    count_if(finished_with_result AND result_is_document AND e_result_issued) AS numerator,
    count_if(finished_with_result AND result_is_document)                     AS denominator
FROM case_period
