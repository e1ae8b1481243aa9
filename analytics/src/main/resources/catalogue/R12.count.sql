-- id: R12.count
-- category: rule
-- direction: lower
-- unit: count
-- unit.vi: lượt thủ tục–tháng
-- name.vi: Số lượt thủ tục–tháng không phát sinh hồ sơ trên hệ thống
-- name.en: Silent procedure-months
-- basis: Kế hoạch kiểm tra: tiếp nhận, giải quyết 100 % hồ sơ TTHC trên Hệ thống thông tin giải quyết TTHC; đầu vào của điểm rủi ro (inspection.md)
-- formula.vi: Số lượt thủ tục–tháng trong kỳ mà cơ quan không có hồ sơ nào của thủ tục, trong khi ít nhất một nửa cơ quan cùng loại có hồ sơ và tổng số hồ sơ của cơ quan trong tháng dưới 20 % trung vị hằng tháng (tử số của R12.rate). Cơ quan chưa đủ điều kiện xét (dưới 6 tháng số liệu hoặc trung vị dưới 20 hồ sơ/tháng) có giá trị 0. Đây là dấu hiệu cần xem xét, chưa phải kết luận vi phạm.
-- formula.en: Procedure-months in the period with no dossier at the agency while at least half of its peers had some and the agency's month fell below 20 % of its monthly median (R12.rate's numerator). Agencies not judged (under 6 months of history or a median under 20 a month) count 0. A reason to look, not a finding.
SELECT
    count_if(r12) AS numerator
FROM silent_procedure_period
