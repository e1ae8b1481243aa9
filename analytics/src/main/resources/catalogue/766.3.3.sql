-- id: 766.3.3
-- category: online
-- unit: percent
-- points.dvcqg-2025: 0
-- points.qd766-2022: 6
-- target: 50
-- multiply_by: 766.1.4
-- name.vi: Hồ sơ trực tuyến
-- name.en: Online dossiers
-- basis: Quyết định 766/QĐ-TTg, nhóm Cung cấp dịch vụ trực tuyến
-- formula.vi: Số hồ sơ tiếp nhận trực tuyến trong kỳ (nếu kết quả là giấy tờ và đã giải quyết xong thì phải có kết quả điện tử) ÷ số hồ sơ tiếp nhận trong kỳ, nhân với tỷ lệ đồng bộ (766.1.4).
-- formula.en: Online dossiers received in the period (with an electronic result when the result is a document and the dossier is finished) ÷ dossiers received in the period, times the sync rate (766.1.4).
SELECT
    count_if(received_in_period AND channel = 'ONLINE'
             AND (NOT (result_is_document AND finished_with_result) OR e_result_issued)) AS numerator,
    count_if(received_in_period)                                            AS denominator
FROM case_period
