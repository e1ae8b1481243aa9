-- id: 766.2.2
-- category: progress
-- direction: lower
-- unit: days
-- name.vi: Thời gian giải quyết trung bình
-- name.en: Mean handling time
-- basis: Quyết định 766/QĐ-TTg, nhóm Tiến độ giải quyết
-- formula.vi: Tổng số ngày làm việc từ khi tiếp nhận đến khi có kết quả của các hồ sơ giải quyết xong trong kỳ (không tính thời gian tạm dừng do yêu cầu bổ sung lần đầu) ÷ số hồ sơ đó. Đơn vị: ngày làm việc. Xem theo từng thủ tục để so với thời hạn luật định.
-- formula.en: Total working days from reception to result of the dossiers finished in the period (the first supplement pause excluded) ÷ the number of those dossiers. Unit: working days; see it per procedure against the legal time limit.
SELECT
    coalesce(sum(handling_working_days), 0)  AS numerator,
    count_if(finished_with_result)           AS denominator
FROM case_period
