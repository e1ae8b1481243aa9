-- id: R02.rate
-- category: rule
-- direction: lower
-- unit: percent
-- name.vi: Phiếu xin lỗi gửi muộn
-- name.en: Apology slips issued too late
-- basis: Nghị định 61/2018/NĐ-CP, Nghị định 118/2025/NĐ-CP: phiếu xin lỗi gửi chậm nhất 01 ngày làm việc trước thời hạn trả kết quả
-- formula.vi: Số hồ sơ có phiếu xin lỗi gửi sau hạn (sau 17:00 của ngày làm việc liền trước ngày hẹn trả, đã tính thời gian tạm dừng) ÷ số hồ sơ có phiếu xin lỗi đến cuối kỳ.
-- formula.en: Dossiers whose apology slip was issued after the deadline (17:00 of the working day before the due day, pauses included) ÷ dossiers with an apology slip by the end of the period.
SELECT
    count_if(r02)         AS numerator,
    count_if(has_apology) AS denominator
FROM case_period
