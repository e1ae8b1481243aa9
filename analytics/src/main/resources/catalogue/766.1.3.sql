-- id: 766.1.3
-- category: transparency
-- unit: percent
-- points: 2
-- name.vi: TTHC được công khai đầy đủ
-- name.en: Procedures published in full
-- basis: Quyết định 766/QĐ-TTg, nhóm Công khai, minh bạch
-- formula.vi: Số TTHC đã công khai (đến cuối kỳ) có đầy đủ tên, trình tự, cách thức, thành phần hồ sơ, thời hạn, đối tượng, cơ quan thực hiện ÷ số TTHC đã công khai của cơ quan.
-- formula.en: Procedures published by the end of the period with every component (name, steps, method, documents, time limit, applicants, agency) ÷ the agency's published procedures.
SELECT
    count_if(published_by_end AND components_complete) AS numerator,
    count_if(published_by_end)                         AS denominator
FROM agency_procedure_period
