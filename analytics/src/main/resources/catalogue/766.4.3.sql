-- id: 766.4.3
-- category: digitization
-- unit: percent
-- points: 2
-- target: 80
-- name.vi: Khai thác, sử dụng lại dữ liệu số hóa
-- name.en: Reuse of digitized data
-- basis: Quyết định 766/QĐ-TTg, nhóm Số hóa hồ sơ; Thông tư 01/2023/TT-VPCP
-- formula.vi: Số hồ sơ tiếp nhận trong kỳ có sử dụng lại thành phần hồ sơ, kết quả đã số hóa ÷ số hồ sơ tiếp nhận trong kỳ. Chỉ tiêu 80 %.
-- formula.en: Dossiers received in the period reusing digitized components or results ÷ dossiers received in the period. Target 80 %.
SELECT
    count_if(received_in_period AND reused_digitized_data) AS numerator,
    count_if(received_in_period)                           AS denominator
FROM case_period
