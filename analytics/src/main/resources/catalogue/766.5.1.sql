-- id: 766.5.1
-- category: satisfaction
-- unit: percent
-- name.vi: Phản ánh, kiến nghị theo phân loại
-- name.en: Feedback by category
-- basis: Quyết định 766/QĐ-TTg, nhóm Mức độ hài lòng; Nghị định 20/2008/NĐ-CP
-- formula.vi: Số phản ánh, kiến nghị tiếp nhận trong kỳ về quy định hành chính hoặc về hành vi của cán bộ ÷ tổng số phản ánh, kiến nghị tiếp nhận trong kỳ. Chỉ số theo dõi, không tính điểm.
-- formula.en: Feedback received in the period about rules or about staff conduct ÷ all feedback received in the period. Monitored, no points.
SELECT
    count_if(received_in_period AND category IN ('RULE', 'CONDUCT')) AS numerator,
    count_if(received_in_period)                                     AS denominator
FROM feedback_period
