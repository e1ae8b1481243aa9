-- id: R10.rate
-- category: rule
-- direction: lower
-- unit: percent
-- name.vi: Dồn hồ sơ giải quyết cuối kỳ
-- name.en: Closing burst
-- basis: Dấu hiệu làm đẹp số liệu cuối kỳ báo cáo
-- formula.vi: Số hồ sơ của cơ quan có dấu hiệu dồn cuối kỳ (≥ 30 % hồ sơ giải quyết xong trong ngày làm việc cuối kỳ, hoặc một cán bộ kết thúc ≥ 20 hồ sơ trong một phút) được giải quyết trong ngày đó hoặc trong phút đó ÷ số hồ sơ giải quyết xong trong kỳ. Đây là dấu hiệu cần xem xét, chưa phải kết luận vi phạm.
-- formula.en: Dossiers of an agency with a closing burst (≥ 30 % of the period's finished dossiers on its last working day, or one officer closing ≥ 20 within a minute) finished on that day or in that minute ÷ dossiers finished in the period. A reason to look, not a finding.
SELECT
    count_if(r10) AS numerator,
    count_if(true) AS denominator
FROM closing_burst_period
