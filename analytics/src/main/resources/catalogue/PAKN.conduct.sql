-- id: PAKN.conduct
-- category: satisfaction
-- direction: lower
-- unit: count
-- unit.vi: phản ánh, kiến nghị
-- name.vi: Phản ánh, kiến nghị về hành vi của cán bộ
-- name.en: Feedback about staff conduct
-- basis: Nghị định 20/2008/NĐ-CP; đầu vào của điểm rủi ro (inspection.md)
-- formula.vi: Số phản ánh, kiến nghị tiếp nhận trong kỳ về hành vi, thái độ của cán bộ, công chức.
-- formula.en: Feedback received in the period about the conduct of staff.
SELECT
    count_if(received_in_period AND category = 'CONDUCT') AS numerator
FROM feedback_period
