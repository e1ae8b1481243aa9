-- id: R08.rate
-- category: rule
-- direction: lower
-- unit: percent
-- name.vi: Hồ sơ trực tuyến không có kết quả điện tử
-- name.en: Online without an electronic result
-- basis: Nghị định 45/2020/NĐ-CP; Quyết định 766/QĐ-TTg (766.3.3, 766.4.1)
-- formula.vi: Số hồ sơ trực tuyến giải quyết xong trong kỳ, kết quả là giấy tờ, không có kết quả điện tử ÷ số hồ sơ trực tuyến giải quyết xong trong kỳ có kết quả là giấy tờ. Đây là dấu hiệu cần xem xét, chưa phải kết luận vi phạm.
-- formula.en: Online dossiers finished in the period with a document result but no electronic result ÷ online dossiers finished with a document result. A reason to look, not a finding.
SELECT
    count_if(r08) AS numerator,
    count_if(finished_with_result AND channel = 'ONLINE' AND result_is_document) AS denominator
FROM case_period
