-- id: 766.4.2
-- category: digitization
-- unit: percent
-- points: 4
-- target: 80
-- name.vi: Hồ sơ được số hóa
-- name.en: Digitized dossiers
-- basis: Quyết định 766/QĐ-TTg, nhóm Số hóa hồ sơ; Nghị định 45/2020/NĐ-CP; chỉ tiêu ≥ 80 % (kế hoạch kiểm tra)
-- formula.vi: Số hồ sơ tiếp nhận trong kỳ có thành phần hồ sơ được số hóa (nếu đã giải quyết và kết quả là giấy tờ thì phải có kết quả điện tử) ÷ số hồ sơ tiếp nhận trong kỳ.
-- formula.en: Dossiers received in the period with digitized components (and, when resolved with a document result, an electronic result) ÷ dossiers received in the period.
SELECT
    count_if(received_in_period AND has_uploaded_components
             AND (NOT (result_is_document AND finished_with_result) OR e_result_issued)) AS numerator,
    count_if(received_in_period)                                            AS denominator
FROM case_period
