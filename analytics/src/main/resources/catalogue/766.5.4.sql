-- id: 766.5.4
-- category: satisfaction
-- unit: percent
-- points: 6
-- target: 90
-- floor: 0
-- name.vi: Mức độ hài lòng trong giải quyết TTHC
-- name.en: Satisfaction with procedure handling
-- basis: Quyết định 766/QĐ-TTg, nhóm Mức độ hài lòng; chỉ tiêu > 90 % (kế hoạch kiểm tra)
-- formula.vi: 100 % − (số hồ sơ trễ hạn ÷ số hồ sơ phải giải quyết trong kỳ) − (số hồ sơ phải giải quyết trong kỳ có phản ánh, kiến nghị hoặc đánh giá không hài lòng ÷ số hồ sơ phải giải quyết trong kỳ); không thấp hơn 0.
-- formula.en: 100 % − (late dossiers ÷ dossiers to handle in the period) − (dossiers to handle with linked feedback or a dissatisfied rating ÷ dossiers to handle); never below 0.
SELECT
    count_if(to_handle) - count_if(late) - count_if(has_complaint) AS numerator,
    count_if(to_handle)                                            AS denominator
FROM case_period
