-- id: 766.5.2
-- category: satisfaction
-- unit: percent
-- points: 6
-- name.vi: Phản ánh, kiến nghị được xử lý đúng hạn
-- name.en: Feedback handled on time
-- basis: Quyết định 766/QĐ-TTg, nhóm Mức độ hài lòng; Nghị định 20/2008/NĐ-CP
-- formula.vi: (Số PAKN xử lý xong đúng hạn trong kỳ + số PAKN tiếp nhận trong kỳ đang xử lý trong hạn cuối kỳ) ÷ số PAKN tiếp nhận hoặc xử lý xong trong kỳ. Đúng hạn: từ chối ≤ 2 ngày làm việc sau khi gửi; yêu cầu bổ sung lần đầu ≤ 5; xử lý xong ≤ 15; công khai ≤ 2 ngày làm việc sau khi xử lý.
-- formula.en: (Feedback handled on time in the period + feedback received in the period and still open within its deadline at the end) ÷ feedback received or handled in the period. On time: refused ≤ 2 working days after submission; first supplement request ≤ 5; handled ≤ 15; published ≤ 2 working days after handling.
SELECT
    count_if((handled_in_period OR (received_in_period AND open_at_end)) AND on_time_at_end) AS numerator,
    count_if(received_in_period OR handled_in_period)                                       AS denominator
FROM feedback_period
