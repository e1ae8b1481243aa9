-- id: 766.3.4
-- category: online
-- unit: percent
-- points.dvcqg-2025: 12
-- points.qd766-2022: 0
-- name.vi: Hồ sơ trực tuyến toàn trình
-- name.en: Full-process online dossiers
-- basis: Quyết định 766/QĐ-TTg, nhóm Cung cấp dịch vụ trực tuyến (trọng số của Cổng DVCQG từ 2025); chỉ tiêu ≥ 80 % (kế hoạch kiểm tra)
-- formula.vi: Số hồ sơ trực tuyến tiếp nhận trong kỳ của TTHC cung cấp toàn trình ÷ số hồ sơ tiếp nhận trong kỳ của TTHC đủ điều kiện cung cấp toàn trình.
-- formula.en: Online dossiers received in the period for full-process procedures ÷ dossiers received in the period for procedures eligible for full-process service.
SELECT
    count_if(received_in_period AND channel = 'ONLINE' AND online_level = 'FULL') AS numerator,
    count_if(received_in_period AND full_online_eligible)                          AS denominator
FROM case_period
