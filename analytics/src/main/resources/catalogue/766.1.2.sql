-- id: 766.1.2
-- category: transparency
-- unit: percent
-- points: 4
-- name.vi: TTHC được công khai đúng hạn
-- name.en: Procedures made public on time
-- basis: Quyết định 766/QĐ-TTg, nhóm Công khai, minh bạch; Cơ sở dữ liệu quốc gia về TTHC
-- formula.vi: Số TTHC công bố trong kỳ được công khai trên Cơ sở dữ liệu quốc gia chậm nhất 05 ngày làm việc sau ngày công bố ÷ số TTHC của cơ quan được công bố trong kỳ.
-- formula.en: Procedures announced in the period and made public in the national database at most 5 working days after the announcement ÷ the agency's procedures announced in the period.
SELECT
    count_if(announced_in_period AND published_on_time) AS numerator,
    count_if(announced_in_period)                       AS denominator
FROM agency_procedure_period
