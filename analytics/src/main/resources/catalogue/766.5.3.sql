-- id: 766.5.3
-- category: satisfaction
-- unit: percent
-- points: 6
-- name.vi: Mức độ hài lòng về xử lý phản ánh, kiến nghị
-- name.en: Satisfaction with feedback handling
-- basis: Quyết định 766/QĐ-TTg, nhóm Mức độ hài lòng
-- formula.vi: (Số PAKN tiếp nhận trong kỳ − số có lượt không hài lòng nhiều hơn hài lòng − số quá hạn − số bị khiếu nại sau trả lời, mỗi PAKN tính một lần) ÷ số PAKN tiếp nhận trong kỳ.
-- formula.en: (Feedback received in the period − those with more dislikes than likes − those overdue − those complained about after the answer, each counted once) ÷ feedback received in the period.
SELECT
    count_if(received_in_period AND NOT (disliked OR NOT on_time_at_end OR complaint_after)) AS numerator,
    count_if(received_in_period)                                                            AS denominator
FROM feedback_period
