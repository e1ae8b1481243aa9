-- id: R05.rate
-- category: rule
-- direction: lower
-- unit: percent
-- name.vi: Yêu cầu bổ sung hồ sơ nhiều lần
-- name.en: Repeated supplement requests
-- basis: Quy định một cửa: chỉ yêu cầu bổ sung một lần; quy tắc tiến độ của Cổng DVCQG
-- formula.vi: Số hồ sơ bị yêu cầu bổ sung từ lần thứ hai trong quá trình giải quyết ÷ số hồ sơ phải giải quyết trong kỳ. Đây là dấu hiệu cần xem xét, chưa phải kết luận vi phạm.
-- formula.en: Dossiers asked for a second supplement during handling ÷ dossiers to handle in the period. A reason to look, not a finding.
SELECT
    count_if(r05) AS numerator,
    count_if(to_handle) AS denominator
FROM case_period
