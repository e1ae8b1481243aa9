-- id: 766.1.1
-- category: transparency
-- unit: percent
-- points: 6
-- name.vi: TTHC được công bố đúng hạn
-- name.en: Procedures announced on time
-- basis: Quyết định 766/QĐ-TTg, nhóm Công khai, minh bạch; Nghị định 63/2010/NĐ-CP, 92/2017/NĐ-CP
-- formula.vi: Số TTHC của cơ quan có quyết định công bố trong kỳ, được công bố chậm nhất 05 ngày làm việc trước ngày văn bản quy định có hiệu lực ÷ số TTHC của cơ quan được công bố trong kỳ.
-- formula.en: The agency's procedures announced in the period at least 5 working days before their legal basis takes effect ÷ the agency's procedures announced in the period.
SELECT
    count_if(announced_in_period AND announced_on_time) AS numerator,
    count_if(announced_in_period)                       AS denominator
FROM agency_procedure_period
