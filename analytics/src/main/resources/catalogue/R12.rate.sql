-- id: R12.rate
-- category: rule
-- direction: lower
-- unit: percent
-- name.vi: Thủ tục không phát sinh hồ sơ trên hệ thống
-- name.en: Silent procedures
-- basis: Kế hoạch kiểm tra: tiếp nhận, giải quyết 100 % hồ sơ TTHC trên Hệ thống thông tin giải quyết TTHC; dấu hiệu giải quyết hồ sơ giấy ngoài hệ thống
-- formula.vi: Xét từng tháng. Số lượt thủ tục–tháng cơ quan không có hồ sơ nào trong khi ít nhất 50 % cơ quan cùng loại cùng thực hiện thủ tục đó có hồ sơ, và tổng số hồ sơ tiếp nhận của cơ quan trong tháng dưới 20 % trung vị số hồ sơ hằng tháng của 12 tháng trước (chỉ xét cơ quan có từ 6 tháng số liệu và trung vị từ 20 hồ sơ) ÷ số lượt thủ tục–tháng có hồ sơ ở ít nhất 50 % cơ quan cùng loại. Các ngưỡng là cấu hình, số nêu trên là mặc định. Đây là dấu hiệu cần xem xét (có thể giải quyết hồ sơ giấy ngoài hệ thống), chưa phải kết luận vi phạm.
-- formula.en: Judged month by month. Procedure-months with no dossier at the agency while at least 50 % of the agencies of its kind that handle the procedure had some, and the agency's dossiers of the month fell below 20 % of its monthly median over the previous 12 months (agencies with at least 6 such months and a median of at least 20) ÷ procedure-months with dossiers at at least 50 % of those peers. Thresholds are configuration; the numbers above are the defaults. A reason to look (possibly paper handling outside the system), not a finding.
SELECT
    count_if(r12)  AS numerator,
    count_if(true) AS denominator
FROM silent_procedure_period
