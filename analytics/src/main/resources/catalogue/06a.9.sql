-- id: 06a.9
-- category: report06
-- unit: count
-- name.vi: Giải quyết đúng hạn
-- name.en: Resolved on time
-- basis: Thông tư 01/2020/TT-VPCP, biểu mẫu II.06a/VPCP/KSTT, cột (9)
-- formula.vi: Kết thúc trong ngày hẹn trả, không muộn hơn giờ hẹn; kể cả hồ sơ rút, dừng, chờ bổ sung.
-- formula.en: Finished on the due day at or before the due time; includes withdrawn, stopped and waiting dossiers.
SELECT
    count_if(form06_on_time) AS numerator
FROM case_period
